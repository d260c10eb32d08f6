"use client";
import { Alert, Button, Checkbox, Divider, Group, Modal, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { Channel, DraftRoutingRule, FulfillmentType, LocationKind } from "@oms/contracts";
import { IconInfoCircle } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { criteria, fallbacks, move, splitPolicies, toInput, type DraftRule, type RoutingNetwork } from "./draft.ts";
import { MoveButtons } from "./move-buttons.tsx";
import { marketLabel } from "./rule-text.ts";

type Errors = Record<string, string>;

/** The browser checks what the server would (the same contracts schema), so the form names the field at once. */
function validate(rule: DraftRule, limitMessage: string): Errors {
  const errors: Errors = {};
  const parsed = DraftRoutingRule.safeParse(toInput([rule])[0]);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".");
      if (!errors[key]) errors[key] = issue.message;
    }
  }
  if (rule.splitPolicy === "MAX_SHIPMENTS" && rule.maxShipments === null) errors.maxShipments = limitMessage;
  return errors;
}

function Section({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <div>
        <Title order={3} size="h5">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

/** An ordered choice: tick what applies, move it up or down (ranking criteria, fallbacks). */
function OrderedChoice<T extends string>({
  all,
  chosen,
  onChange,
  label,
  hint,
  error,
  testId,
}: {
  all: readonly T[];
  chosen: T[];
  onChange: (next: T[]) => void;
  label: (value: T) => string;
  hint: (value: T) => string;
  error?: string;
  testId: string;
}) {
  const t = useTranslations("hqRouting.form");
  // Chosen ones first, in their order; the others after them.
  const rows = [...chosen, ...all.filter((v) => !chosen.includes(v))];
  return (
    <Stack gap={6} data-testid={testId}>
      {rows.map((value) => {
        const index = chosen.indexOf(value);
        const on = index >= 0;
        return (
          <Paper key={value} withBorder p="xs" radius="sm" bg={on ? undefined : "gray.0"}>
            <Group wrap="nowrap" gap="sm" align="flex-start">
              <Checkbox
                mt={2}
                checked={on}
                onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, value] : chosen.filter((v) => v !== value))}
                aria-label={label(value)}
              />
              <Stack gap={0} style={{ flex: 1 }}>
                <Text size="sm" fw={500}>
                  {on ? `${index + 1}. ` : ""}
                  {label(value)}
                </Text>
                <Text size="xs" c="dimmed">
                  {hint(value)}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                <MoveButtons
                  canUp={on && index > 0}
                  canDown={on && index < chosen.length - 1}
                  onMove={(delta) => onChange(move(chosen, index, delta))}
                  labels={{ up: t("moveUp", { name: label(value) }), down: t("moveDown", { name: label(value) }) }}
                />
              </Group>
            </Group>
          </Paper>
        );
      })}
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * Every setting of one routing rule, each explained. "Apply to draft" only changes the draft:
 * nothing is saved until the manager presses "Save rules" on the page.
 */
export function RuleFormModal({
  rule,
  position,
  network,
  serverErrors,
  onApply,
  onClose,
}: {
  rule: DraftRule;
  /** 1-based place in the list (the rule's priority order). */
  position: number;
  network: RoutingNetwork;
  serverErrors: Errors;
  onApply: (rule: DraftRule) => void;
  onClose: () => void;
}) {
  const t = useTranslations("hqRouting");
  const [draft, setDraft] = useState<DraftRule>(rule);
  const [errors, setErrors] = useState<Errors>(serverErrors);
  const set = (change: Partial<DraftRule>) => setDraft((d) => ({ ...d, ...change }));
  const setFilters = (change: Partial<DraftRule["filters"]>) => setDraft((d) => ({ ...d, filters: { ...d.filters, ...change } }));

  function apply() {
    const found = validate(draft, t("form.maxShipmentsRequired"));
    setErrors(found);
    if (Object.keys(found).length === 0) onApply({ ...draft, name: draft.name.trim() });
  }

  const any = t("form.any");
  return (
    <Modal opened onClose={onClose} size="xl" title={<Text fw={600}>{rule.id === null && rule.name === "" ? t("form.newTitle") : t("form.editTitle", { position })}</Text>}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <Stack gap="lg">
          {rule.unreadable ? (
            <Alert color="orange" icon={<IconInfoCircle size={18} />}>
              {t("form.unreadable")}
            </Alert>
          ) : null}
          <Group align="flex-end" grow>
            <TextInput label={t("form.name")} description={t("form.nameHint")} value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-autofocus required />
            <Switch label={t("form.active")} description={t("form.activeHint")} checked={draft.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
          </Group>
          <Text size="sm" c="dimmed">
            {t("form.priorityHint", { position })}
          </Text>

          <Section title={t("form.match")} hint={t("form.matchHint")}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t("form.market")}
                data={[{ value: "", label: any }, ...network.markets.map((m) => ({ value: m.code, label: marketLabel(m.code, network.markets) }))]}
                value={draft.marketCode ?? ""}
                onChange={(v) => set({ marketCode: v ? v : null })}
                allowDeselect={false}
              />
              <Select
                label={t("form.channel")}
                data={[{ value: "", label: any }, ...Channel.options.map((c) => ({ value: c, label: t(`channel.${c}`) }))]}
                value={draft.channel ?? ""}
                onChange={(v) => set({ channel: v ? (v as DraftRule["channel"]) : null })}
                allowDeselect={false}
              />
              <Select
                label={t("form.fulfillmentType")}
                data={[{ value: "", label: any }, ...FulfillmentType.options.map((f) => ({ value: f, label: t(`type.${f}`) }))]}
                value={draft.fulfillmentType ?? ""}
                onChange={(v) => set({ fulfillmentType: v ? (v as DraftRule["fulfillmentType"]) : null })}
                allowDeselect={false}
              />
            </SimpleGrid>
          </Section>

          <Divider />
          <Section title={t("form.who")} hint={t("form.whoHint")}>
            <Checkbox.Group label={t("form.kinds")} value={draft.filters.locationKinds} onChange={(v) => setFilters({ locationKinds: v as DraftRule["filters"]["locationKinds"] })} error={errors["filters.locationKinds"]}>
              <Group mt={6} gap="lg">
                {LocationKind.options.map((k) => (
                  <Checkbox key={k} value={k} label={t(`kindPlural.${k}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Text size="xs" c="dimmed">
              {t("form.kindsHint")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
              <Switch label={t("form.stayInMarket")} description={t("form.stayInMarketHint")} checked={draft.filters.stayInMarket} onChange={(e) => setFilters({ stayInMarket: e.currentTarget.checked })} />
              <Switch
                label={t("form.respectCapacity")}
                description={t("form.respectCapacityHint")}
                checked={draft.filters.respectCapacity}
                onChange={(e) => setFilters({ respectCapacity: e.currentTarget.checked })}
              />
              <Switch
                label={t("form.requireFullStock")}
                description={t("form.requireFullStockHint")}
                checked={draft.filters.requireFullStock}
                onChange={(e) => setFilters({ requireFullStock: e.currentTarget.checked })}
              />
              <NumberInput
                label={t("form.maxDistance")}
                description={t("form.maxDistanceHint")}
                placeholder={t("form.noLimit")}
                suffix=" km"
                min={1}
                max={20_000}
                allowNegative={false}
                decimalScale={0}
                value={draft.filters.maxDistanceKm ?? ""}
                onChange={(v) => setFilters({ maxDistanceKm: typeof v === "number" && v > 0 ? v : null })}
                error={errors["filters.maxDistanceKm"]}
              />
            </SimpleGrid>
          </Section>

          <Divider />
          <Section title={t("form.ranking")} hint={t("form.rankingHint")}>
            <OrderedChoice
              testId="rule-ranking"
              all={criteria}
              chosen={draft.ranking}
              onChange={(ranking) => set({ ranking })}
              label={(c) => t(`criterion.${c}`)}
              hint={(c) => t(`criterionHint.${c}`)}
              error={errors.ranking}
            />
          </Section>

          <Divider />
          <Section title={t("form.split")} hint={t("form.splitHint")}>
            <Radio.Group value={draft.splitPolicy} onChange={(v) => set({ splitPolicy: v as DraftRule["splitPolicy"] })}>
              <Stack gap="xs">
                {splitPolicies.map((p) => (
                  <Radio key={p} value={p} label={t(`splitPolicy.${p}`)} description={t(`splitPolicyHint.${p}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {draft.splitPolicy === "MAX_SHIPMENTS" ? (
              <NumberInput
                maw={260}
                label={t("form.maxShipments")}
                min={1}
                max={10}
                allowNegative={false}
                decimalScale={0}
                value={draft.maxShipments ?? ""}
                onChange={(v) => set({ maxShipments: typeof v === "number" ? v : null })}
                error={errors.maxShipments}
              />
            ) : null}
          </Section>

          <Divider />
          <Section title={t("form.fallbacks")} hint={t("form.fallbacksHint")}>
            <OrderedChoice
              testId="rule-fallbacks"
              all={fallbacks}
              chosen={draft.fallbacks}
              onChange={(next) => set({ fallbacks: next })}
              label={(f) => t(`fallback.${f}`)}
              hint={(f) => t(`fallbackHint.${f}`)}
            />
          </Section>

          {Object.keys(errors).length > 0 ? (
            <Alert color="red" role="alert">
              {t("form.fix")}
            </Alert>
          ) : null}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t("form.draftNote")}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t("form.cancel")}
              </Button>
              <Button type="submit">{t("form.apply")}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
