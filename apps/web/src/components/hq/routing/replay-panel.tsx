"use client";
import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import { DateTime, EmptyState, ErrorState, Panel } from "@oms/ui";
import { IconArrowRight, IconHistory, IconInfoCircle, IconPlayerPlay } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import { fieldErrors, toInput, type DraftRule, type RoutingReplay } from "./draft.ts";

type Metrics = RoutingReplay["saved"];

/** Whether a change is good news: fewer splits, shorter distance, fewer unplaced orders. */
function tone(saved: number | null, draft: number | null, lowerIsBetter = true): string | undefined {
  if (saved === null || draft === null || saved === draft) return undefined;
  return draft < saved === lowerIsBetter ? "teal.8" : "red.8";
}

/**
 * Replays recent orders through the saved rules and the draft, side by side: split rate,
 * distance, unplaced orders, load per location (chart) and the orders that would move.
 * Shown before saving, so the manager sees the effect of the draft first.
 */
export function ReplayPanel({ draft, dirty, saveButton, savedVersion }: { draft: DraftRule[]; dirty: boolean; saveButton: ReactNode; savedVersion: string }) {
  const t = useTranslations("hqRouting.replay");
  const tType = useTranslations("hqRouting.type");
  const locale = useLocale();
  const trpc = useTRPC();
  const timeZone = useMemo(() => browserTimeZone(), []);
  const [days, setDays] = useState<number | string>(30);
  const [measure, setMeasure] = useState<"orders" | "units">("orders");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const replay = useMutation(
    trpc.routingRules.replay.mutationOptions({
      onMutate: () => setErrors({}),
      onError: (error) => setErrors(fieldErrors(error)),
    }),
  );
  // A comparison against rules that are no longer the saved ones would mislead: a save clears it.
  const { reset } = replay;
  useEffect(() => {
    reset();
  }, [savedVersion, reset]);
  const run = () => replay.mutate({ days: typeof days === "number" ? days : Number.NaN, rules: toInput(draft) });

  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const n = new Intl.NumberFormat(locale);
  const km = (v: number | null) => (v === null ? "—" : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v)} km`);

  const data = replay.data;
  const chart = useMemo(() => {
    if (!data) return [];
    return data.saved.load
      .map((s, i) => ({ location: s.code, name: s.name, saved: s[measure], draft: data.draft.load[i]![measure] }))
      .filter((row) => row.saved > 0 || row.draft > 0);
  }, [data, measure]);

  function row(label: string, saved: Metrics, draftM: Metrics, value: (m: Metrics) => number | null, format: (v: number | null) => string, lowerIsBetter = true) {
    const a = value(saved);
    const b = value(draftM);
    return (
      <Table.Tr key={label}>
        <Table.Td>{label}</Table.Td>
        <Table.Td ta="end">{format(a)}</Table.Td>
        <Table.Td ta="end">
          <Text span size="sm" fw={600} c={tone(a, b, lowerIsBetter)}>
            {format(b)}
          </Text>
        </Table.Td>
      </Table.Tr>
    );
  }

  return (
    <Panel title={t("title")} description={t("hint")}>
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t("days")}
            w={160}
            min={1}
            max={90}
            allowNegative={false}
            decimalScale={0}
            value={days}
            onChange={setDays}
            suffix={` ${t("daysSuffix")}`}
            error={errors.days}
          />
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={run} loading={replay.isPending} data-testid="replay-run">
            {t("run")}
          </Button>
          {!dirty ? (
            <Text size="sm" c="dimmed">
              {t("noChanges")}
            </Text>
          ) : null}
        </Group>

        {replay.isError && Object.keys(errors).length === 0 ? <ErrorState title={t("failed")} message={replay.error.message} retryLabel={t("retry")} onRetry={run} /> : null}
        {replay.isError && Object.keys(errors).some((k) => k.startsWith("rules.")) ? (
          <Alert color="red" role="alert">
            {t("draftInvalid")}
          </Alert>
        ) : null}
        {replay.isPending ? (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Skeleton height={220} radius="md" />
            <Skeleton height={220} radius="md" />
          </SimpleGrid>
        ) : !data ? (
          replay.isError ? null : <EmptyState title={t("emptyTitle")} description={t("emptyHint")} icon={<IconHistory size={22} aria-hidden />} />
        ) : data.ordersReplayed === 0 ? (
          <EmptyState title={t("noOrders", { days: data.days })} description={t("noOrdersHint")} />
        ) : (
          <Stack gap="md" data-testid="replay-result">
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
              <Stack gap={2}>
                <Text size="sm">
                  {t("summary", { orders: data.ordersReplayed, days: data.days, ms: data.routingMs })}
                  {data.truncated ? ` ${t("truncated", { total: data.ordersInWindow, replayed: data.ordersReplayed })}` : ""}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("caveat")}
                </Text>
              </Stack>
            </Alert>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <Paper withBorder radius="md" p="sm">
                <Table verticalSpacing={6} fz="sm" data-testid="replay-comparison">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("measure")}</Table.Th>
                      <Table.Th ta="end">{t("saved")}</Table.Th>
                      <Table.Th ta="end">{t("draft")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {row(t("splitRate"), data.saved, data.draft, (m) => m.splitRate, (v) => (v === null ? "—" : pct.format(v)))}
                    {row(t("splitOrders"), data.saved, data.draft, (m) => m.splitOrders, (v) => n.format(v ?? 0))}
                    {row(t("meanDistance"), data.saved, data.draft, (m) => m.meanDistanceKm, km)}
                    {row(t("p90Distance"), data.saved, data.draft, (m) => m.p90DistanceKm, km)}
                    {row(t("partly"), data.saved, data.draft, (m) => m.partiallyRouted, (v) => n.format(v ?? 0))}
                    {row(t("unroutable"), data.saved, data.draft, (m) => m.unroutable, (v) => n.format(v ?? 0))}
                  </Table.Tbody>
                </Table>
                <Group justify="space-between" mt="xs" px="xs">
                  <Text size="sm" fw={600}>
                    {t("changedOrders")}
                  </Text>
                  <Badge size="lg" variant="light" color={data.changedOrders > 0 ? "blue" : "gray"} data-testid="replay-changed-count">
                    {t("changedCount", { count: data.changedOrders, total: data.ordersReplayed })}
                  </Badge>
                </Group>
              </Paper>
              <Paper withBorder radius="md" p="sm">
                <Group justify="space-between" mb="xs">
                  <Text size="sm" fw={600}>
                    {t("load")}
                  </Text>
                  <SegmentedControl
                    size="xs"
                    value={measure}
                    onChange={(v) => setMeasure(v as "orders" | "units")}
                    data={[
                      { value: "orders", label: t("loadOrders") },
                      { value: "units", label: t("loadUnits") },
                    ]}
                    aria-label={t("load")}
                  />
                </Group>
                <BarChart
                  h={240}
                  data={chart}
                  dataKey="location"
                  series={[
                    { name: "saved", label: t("saved"), color: "gray.5" },
                    { name: "draft", label: t("draft"), color: "blue.6" },
                  ]}
                  withLegend
                  legendProps={{ verticalAlign: "bottom" }}
                  valueFormatter={(v) => n.format(v)}
                  tickLine="y"
                  data-testid="replay-load-chart"
                />
              </Paper>
            </SimpleGrid>

            {data.changed.length > 0 ? (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t("changedTitle", { shown: data.changed.length, count: data.changedOrders })}
                </Text>
                <Table.ScrollContainer minWidth={640}>
                  <Table verticalSpacing={4} fz="sm" striped data-testid="replay-changed">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("col.order")}</Table.Th>
                        <Table.Th>{t("col.placed")}</Table.Th>
                        <Table.Th>{t("col.type")}</Table.Th>
                        <Table.Th>{t("col.change")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.changed.map((c) => (
                        <Table.Tr key={c.orderId}>
                          <Table.Td>
                            <Anchor component={Link} href={`/hq/orders/${c.orderId}`} size="sm">
                              {c.number}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            <DateTime value={c.placedAt} timeZone={timeZone} locale={locale} />
                          </Table.Td>
                          <Table.Td>{tType(c.fulfillmentType)}</Table.Td>
                          <Table.Td>
                            <Group gap={6} wrap="nowrap">
                              <Text size="sm" c="dimmed">
                                {c.saved.length > 0 ? c.saved.join(" + ") : t("nowhere")}
                              </Text>
                              <IconArrowRight size={14} aria-label={t("becomes")} />
                              <Text size="sm" fw={600}>
                                {c.draft.length > 0 ? c.draft.join(" + ") : t("nowhere")}
                              </Text>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            ) : null}
            {dirty ? (
              <Group justify="flex-end" gap="sm">
                <Text size="sm" c="dimmed">
                  {t("saveHint")}
                </Text>
                {saveButton}
              </Group>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Panel>
  );
}
