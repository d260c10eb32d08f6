"use client";
import { Alert, Button, Group, NumberInput, SimpleGrid, Skeleton, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { formatMoney, type OrganizationSettingsView, type UpdateSettingsInput } from "@oms/contracts";
import { ErrorState, Panel } from "@oms/ui";
import { IconAlertCircle, IconCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { readServerError } from "../../integrations/shared.ts";

type NumberField = Exclude<keyof UpdateSettingsInput, "name" | "reportingCurrency" | "reportPricesIncludeTax">;
type FieldErrors = Partial<Record<keyof UpdateSettingsInput, string>>;

interface Draft {
  name: string;
  reportingCurrency: string;
  numbers: Record<NumberField, number | string>;
  reportPricesIncludeTax: boolean;
}

function toDraft(s: OrganizationSettingsView): Draft {
  return {
    name: s.name,
    reportingCurrency: s.reportingCurrency,
    reportPricesIncludeTax: s.reportPricesIncludeTax,
    numbers: {
      pickupReadySlaHours: s.pickupReadySlaHours,
      shipSlaDays: s.shipSlaDays,
      unclaimedReminderDays: s.unclaimedReminderDays,
      unclaimedCancelDays: s.unclaimedCancelDays,
      // Shown as a percentage (20 %), stored in basis points (2000).
      discountApprovalBps: s.discountApprovalBps / 100,
      cashVarianceNoteThreshold: s.cashVarianceNoteThreshold,
      lateOrderHours: s.lateOrderHours,
    },
  };
}

/** An empty box goes to the server as NaN so its field message ("Enter …") comes back on it. */
function num(value: number | string): number {
  return typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);
}

function toInput(d: Draft): UpdateSettingsInput {
  const n = d.numbers;
  return {
    name: d.name,
    reportingCurrency: d.reportingCurrency.trim().toUpperCase(),
    pickupReadySlaHours: num(n.pickupReadySlaHours),
    shipSlaDays: num(n.shipSlaDays),
    unclaimedReminderDays: num(n.unclaimedReminderDays),
    unclaimedCancelDays: num(n.unclaimedCancelDays),
    discountApprovalBps: Math.round(num(n.discountApprovalBps) * 100),
    cashVarianceNoteThreshold: num(n.cashVarianceNoteThreshold),
    lateOrderHours: num(n.lateOrderHours),
    reportPricesIncludeTax: d.reportPricesIncludeTax,
  };
}

/** HQ › Settings: loads the organisation's settings, then the form. */
export function SettingsScreen() {
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const query = useQuery(trpc.settings.get.queryOptions());
  if (query.isPending) {
    return (
      <Stack gap="lg" aria-busy="true" aria-label={t("loading")}>
        <Skeleton height={160} radius="md" />
        <Skeleton height={160} radius="md" />
      </Stack>
    );
  }
  if (query.isError) {
    return <ErrorState title={t("loadFailed")} message={query.error.message} retryLabel={t("retry")} onRetry={() => void query.refetch()} />;
  }
  // Keyed by updatedAt: a save (here or elsewhere) starts the form again from the saved row.
  return <SettingsForm key={query.data.updatedAt.toISOString()} settings={query.data} />;
}

function SettingsForm({ settings }: { settings: OrganizationSettingsView }) {
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);

  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async (saved) => {
        notifications.show({ color: "green", icon: <IconCheck size={18} />, message: t("saved") });
        queryClient.setQueryData(trpc.settings.get.queryKey(), saved);
      },
      onError: (error) => {
        const { message, fields } = readServerError(error);
        setErrors(fields as FieldErrors);
        setServerError(Object.keys(fields).length > 0 ? t("fixFields") : (message ?? t("saveFailed")));
      },
    }),
  );

  function clear(field: keyof UpdateSettingsInput) {
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  }

  function setNumber(field: NumberField, value: number | string) {
    setDraft((d) => ({ ...d, numbers: { ...d.numbers, [field]: value } }));
    clear(field);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setServerError(null);
    save.mutate(toInput(draft));
  }

  const numberInput = (field: NumberField, unit: string, extra: { min?: number; max?: number; decimalScale?: number; description?: ReactNode } = {}) => (
    <NumberInput
      label={t(`fields.${field}.label`)}
      description={extra.description ?? t(`fields.${field}.hint`)}
      suffix={` ${unit}`}
      value={draft.numbers[field]}
      onChange={(value) => setNumber(field, value)}
      error={errors[field]}
      min={extra.min ?? 0}
      max={extra.max}
      decimalScale={extra.decimalScale ?? 0}
      allowNegative={false}
      inputMode={extra.decimalScale ? "decimal" : "numeric"}
      disabled={save.isPending}
    />
  );

  const currency = draft.reportingCurrency.length === 3 ? draft.reportingCurrency.toUpperCase() : settings.reportingCurrency;
  const threshold = num(draft.numbers.cashVarianceNoteThreshold);
  let thresholdExample: string | null = null;
  try {
    thresholdExample = Number.isSafeInteger(threshold) ? formatMoney(threshold, currency) : null;
  } catch {
    thresholdExample = null;
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {serverError ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {serverError}
          </Alert>
        ) : null}
        <Panel title={t("sections.pickup.title")} description={t("sections.pickup.description")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {numberInput("pickupReadySlaHours", t("units.hours"), { min: 1, max: 168 })}
            {numberInput("unclaimedReminderDays", t("units.days"), { min: 1, max: 60 })}
            {numberInput("unclaimedCancelDays", t("units.days"), { min: 2, max: 90 })}
          </SimpleGrid>
        </Panel>
        <Panel title={t("sections.shipping.title")} description={t("sections.shipping.description")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {numberInput("shipSlaDays", t("units.days"), { min: 1, max: 30 })}
          </SimpleGrid>
        </Panel>
        <Panel title={t("sections.till.title")} description={t("sections.till.description")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {numberInput("discountApprovalBps", "%", { min: 0, max: 100, decimalScale: 2 })}
            {numberInput("cashVarianceNoteThreshold", t("units.minorUnits"), {
              min: 0,
              description: thresholdExample ? t("fields.cashVarianceNoteThreshold.example", { amount: thresholdExample }) : t("fields.cashVarianceNoteThreshold.hint"),
            })}
          </SimpleGrid>
        </Panel>
        <Panel title={t("sections.reporting.title")} description={t("sections.reporting.description")}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t("fields.name.label")}
                value={draft.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  setDraft((d) => ({ ...d, name }));
                  clear("name");
                }}
                error={errors.name}
                maxLength={120}
                required
                disabled={save.isPending}
              />
              <TextInput
                label={t("fields.reportingCurrency.label")}
                description={t("fields.reportingCurrency.hint")}
                value={draft.reportingCurrency}
                onChange={(e) => {
                  const reportingCurrency = e.currentTarget.value.toUpperCase();
                  setDraft((d) => ({ ...d, reportingCurrency }));
                  clear("reportingCurrency");
                }}
                error={errors.reportingCurrency}
                maxLength={3}
                autoCapitalize="characters"
                required
                disabled={save.isPending}
              />
            </SimpleGrid>
            <Switch
              size="md"
              label={t("fields.reportPricesIncludeTax.label")}
              description={t("fields.reportPricesIncludeTax.hint")}
              checked={draft.reportPricesIncludeTax}
              onChange={(e) => {
                const reportPricesIncludeTax = e.currentTarget.checked;
                setDraft((d) => ({ ...d, reportPricesIncludeTax }));
                clear("reportPricesIncludeTax");
              }}
              error={errors.reportPricesIncludeTax}
              disabled={save.isPending}
            />
          </Stack>
        </Panel>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t("audited")}
          </Text>
          <Button type="submit" loading={save.isPending}>
            {t("save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
