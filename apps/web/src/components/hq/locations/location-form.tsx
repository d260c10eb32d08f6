"use client";
import { Alert, Badge, Breadcrumbs, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Skeleton, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ErrorState, PageHeader, Panel } from "@oms/ui";
import { IconAlertCircle, IconCheck, IconHistory } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { readServerError } from "../../integrations/shared.ts";
import { AnchorLink } from "../../links.tsx";
import { OpeningHoursEditor } from "./opening-hours-editor.tsx";
import { CAPABILITIES, emptyDraft, LOCATION_KINDS, timeZoneOptions, toDraft, toInput, type LocationDetail, type LocationDraft, type Market } from "./shared.ts";

/** HQ › Locations › one location (or a new one): loads it and the markets, then the form. */
export function LocationFormScreen({ locationId }: { locationId: string | null }) {
  const t = useTranslations("hqLocations");
  const tc = useTranslations();
  const trpc = useTRPC();
  const markets = useQuery(trpc.locations.markets.queryOptions());
  const detail = useQuery({ ...trpc.locations.detail.queryOptions({ locationId: locationId ?? "" }), enabled: locationId !== null });
  const failed = markets.isError ? markets : detail.isError ? detail : null;
  if (failed) {
    return <ErrorState title={t("form.loadFailed")} message={failed.error?.message || tc("error.message")} retryLabel={tc("error.retry")} onRetry={() => void failed.refetch()} />;
  }
  if (markets.isPending || (locationId !== null && detail.isPending)) {
    return (
      <Stack gap="lg" aria-busy="true" aria-label={t("form.loading")}>
        <Skeleton height={180} radius="md" />
        <Skeleton height={260} radius="md" />
        <Skeleton height={320} radius="md" />
      </Stack>
    );
  }
  const location = detail.data ?? null;
  return (
    <Stack gap="lg">
      <PageHeader
        breadcrumbs={
          <Breadcrumbs>
            <AnchorLink href="/hq/locations" size="sm">
              {t("title")}
            </AnchorLink>
            <Text size="sm">{location ? location.code : t("form.newTitle")}</Text>
          </Breadcrumbs>
        }
        title={location ? location.name : t("form.newTitle")}
        intro={location ? t("form.editIntro", { code: location.code, market: location.marketName, staff: location.staffCount }) : t("form.newIntro")}
        actions={location && !location.active ? <Badge color="gray" size="lg" variant="light">{t("state.inactive")}</Badge> : null}
      />
      {/* Keyed by updatedAt: after a save the form starts again from the saved row. */}
      <LocationForm key={location ? String(location.updatedAt) : "new"} location={location} markets={markets.data ?? []} />
    </Stack>
  );
}

/** Draft fields with a label of their own (the hours have an editor instead). */
type Labelled = Exclude<keyof LocationDraft, "openingHours">;

function LocationForm({ location, markets }: { location: LocationDetail | null; markets: Market[] }) {
  const t = useTranslations("hqLocations");
  const tc = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<LocationDraft>(() => (location ? toDraft(location) : emptyDraft()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneOptions(), []);

  const onError = (error: unknown) => {
    const { message, paths } = readServerError(error);
    setErrors(paths);
    setServerError(Object.keys(paths).length > 0 ? t("form.fixFields") : (message ?? t("form.saveFailed")));
  };
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.locations.table.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.locations.list.pathKey() });
  };
  const create = useMutation(
    trpc.locations.create.mutationOptions({
      onSuccess: async (saved) => {
        notifications.show({ color: "teal", icon: <IconCheck size={18} />, message: t("form.created", { name: saved.name }) });
        await refresh();
        router.push(`/hq/locations/${saved.id}`);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.locations.update.mutationOptions({
      onSuccess: async (saved) => {
        notifications.show({ color: "teal", icon: <IconCheck size={18} />, message: t("form.saved", { name: saved.name }) });
        queryClient.setQueryData(trpc.locations.detail.queryKey({ locationId: saved.id }), saved);
        await refresh();
      },
      onError,
    }),
  );
  const saving = create.isPending || update.isPending;

  function set<K extends keyof LocationDraft>(field: K, value: LocationDraft[K], errorKey: string = field) {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => (e[errorKey] ? { ...e, [errorKey]: "" } : e));
  }

  function chooseMarket(code: string | null) {
    const market = markets.find((m) => m.code === code);
    setDraft((d) => ({
      ...d,
      marketCode: code ?? "",
      // A location sells in its market's currency: follow the market.
      currency: market?.currency ?? d.currency,
      countryCode: market && market.countries.length > 0 && !market.countries.includes(d.countryCode) ? market.countries[0]! : d.countryCode,
    }));
    setErrors((e) => ({ ...e, marketCode: "", currency: "", countryCode: "" }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setServerError(null);
    const input = toInput(draft);
    if (location) update.mutate({ ...input, locationId: location.id });
    else create.mutate(input);
  }

  const market = markets.find((m) => m.code === draft.marketCode);
  const text = (field: Labelled, extra: { required?: boolean; description?: ReactNode; maxLength?: number; placeholder?: string; upper?: boolean } = {}) => (
    <TextInput
      label={t(`fields.${field}`)}
      description={extra.description}
      placeholder={extra.placeholder}
      value={draft[field] as string}
      onChange={(e) => set(field, (extra.upper ? e.currentTarget.value.toUpperCase() : e.currentTarget.value) as never)}
      error={errors[field] || undefined}
      required={extra.required}
      maxLength={extra.maxLength}
      disabled={saving}
    />
  );
  const number = (field: Labelled, errorKey: string, extra: { description?: ReactNode; decimalScale?: number; suffix?: string; min?: number; max?: number; placeholder?: string; allowNegative?: boolean } = {}) => (
    <NumberInput
      label={t(`fields.${field}`)}
      description={extra.description}
      placeholder={extra.placeholder}
      value={draft[field] as number | string}
      onChange={(value) => set(field, value as never, errorKey)}
      error={errors[errorKey] || undefined}
      decimalScale={extra.decimalScale ?? 0}
      suffix={extra.suffix}
      min={extra.min}
      max={extra.max}
      allowNegative={extra.allowNegative ?? false}
      inputMode={extra.decimalScale ? "decimal" : "numeric"}
      disabled={saving}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {serverError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {serverError}
          </Alert>
        ) : null}
        <Panel title={t("sections.identity.title")} description={t("sections.identity.description")}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {text("code", { required: true, maxLength: 24, description: t("hints.code") })}
            {text("name", { required: true, maxLength: 120 })}
            <Select
              label={t("fields.kind")}
              value={draft.kind}
              onChange={(value) => value && set("kind", value as LocationDraft["kind"])}
              data={LOCATION_KINDS.map((kind) => ({ value: kind, label: tc(`locationKinds.${kind}`) }))}
              allowDeselect={false}
              error={errors.kind || undefined}
              disabled={saving}
              required
            />
            <Select
              label={t("fields.marketCode")}
              placeholder={t("hints.chooseMarket")}
              value={draft.marketCode || null}
              onChange={chooseMarket}
              data={markets.map((m) => ({ value: m.code, label: `${m.name} (${m.currency})` }))}
              error={errors.marketCode || undefined}
              disabled={saving}
              required
            />
          </SimpleGrid>
          <Switch
            size="md"
            label={t("fields.active")}
            description={t("hints.active")}
            checked={draft.active}
            onChange={(e) => set("active", e.currentTarget.checked)}
            disabled={saving}
          />
        </Panel>

        <Panel title={t("sections.address.title")} description={t("sections.address.description")}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {text("addressLine1", { required: true })}
            {text("addressLine2")}
            {text("postalCode", { required: true, maxLength: 20 })}
            {text("city", { required: true })}
            {text("region")}
            {text("countryCode", { required: true, maxLength: 2, upper: true, description: market && market.countries.length > 0 ? t("hints.countries", { countries: market.countries.join(", ") }) : t("hints.country") })}
            {text("phone", { maxLength: 40 })}
            {text("email", { maxLength: 200 })}
            {number("latitude", "latitude", { decimalScale: 6, min: -90, max: 90, allowNegative: true })}
            {number("longitude", "longitude", { decimalScale: 6, min: -180, max: 180, allowNegative: true })}
          </SimpleGrid>
        </Panel>

        <Panel title={t("sections.selling.title")} description={t("sections.selling.description")}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label={t("fields.timeZone")}
              description={t("hints.timeZone")}
              placeholder={t("hints.chooseTimeZone")}
              searchable
              value={draft.timeZone || null}
              onChange={(value) => set("timeZone", value ?? "")}
              data={zones.includes(draft.timeZone) || !draft.timeZone ? zones : [draft.timeZone, ...zones]}
              limit={60}
              error={errors.timeZone || undefined}
              disabled={saving}
              required
              nothingFoundMessage={t("hints.noZone")}
            />
            {text("currency", { required: true, maxLength: 3, upper: true, description: market ? t("hints.currencyOf", { market: market.name, currency: market.currency }) : t("hints.currency") })}
            {text("locale", { required: true, maxLength: 35, placeholder: "pl-PL", description: t("hints.locale") })}
            {number("cashRoundingIncrement", "cashRoundingIncrement", { min: 1, max: 1000, description: t("hints.cashRounding") })}
            {number("taxRate", "taxRateBps", { decimalScale: 2, suffix: " %", min: 0, max: 50, description: t("hints.taxRate") })}
            {number("reducedTaxRate", "reducedTaxRateBps", { decimalScale: 2, suffix: " %", min: 0, max: 50, description: t("hints.reducedTaxRate") })}
          </SimpleGrid>
          <Switch
            size="md"
            label={t("fields.pricesIncludeTax")}
            description={t("hints.pricesIncludeTax")}
            checked={draft.pricesIncludeTax}
            onChange={(e) => set("pricesIncludeTax", e.currentTarget.checked)}
            disabled={saving}
          />
        </Panel>

        <Panel title={t("sections.fulfilment.title")} description={t("sections.fulfilment.description")}>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Checkbox.Group
              label={t("fields.fulfillmentTypes")}
              description={t("hints.capabilities")}
              value={draft.fulfillmentTypes}
              onChange={(value) => set("fulfillmentTypes", value as LocationDraft["fulfillmentTypes"])}
              error={errors.fulfillmentTypes || undefined}
            >
              <Group gap="lg" mt="xs">
                {CAPABILITIES.map((type) => (
                  <Checkbox key={type} value={type} label={tc(`fulfillmentTypes.${type}`)} size="md" disabled={saving} />
                ))}
              </Group>
            </Checkbox.Group>
            {number("dailyCapacity", "dailyCapacity", { min: 1, max: 100000, placeholder: t("hints.noLimit"), description: t("hints.dailyCapacity"), suffix: ` ${t("units.ordersPerDay")}` })}
          </SimpleGrid>
        </Panel>

        <Panel title={t("sections.hours.title")} description={t("sections.hours.description", { zone: draft.timeZone || "—" })}>
          <OpeningHoursEditor value={draft.openingHours} onChange={(openingHours) => set("openingHours", openingHours)} errors={errors} disabled={saving} />
        </Panel>

        <Group justify="space-between" gap="md">
          {location ? (
            <AnchorLink href={`/hq/audit?entityId=${location.id}`} size="sm">
              <Group gap={6} component="span">
                <IconHistory size={16} aria-hidden />
                {t("form.history")}
              </Group>
            </AnchorLink>
          ) : (
            <Text size="sm" c="dimmed">
              {t("form.audited")}
            </Text>
          )}
          <Group gap="sm">
            <Button variant="default" size="md" onClick={() => router.push("/hq/locations")} disabled={saving}>
              {t("form.back")}
            </Button>
            <Button type="submit" size="md" loading={saving}>
              {location ? t("form.save") : t("form.create")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
