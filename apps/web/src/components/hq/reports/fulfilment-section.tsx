"use client";
import { BarChart } from "@mantine/charts";
import { Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text } from "@mantine/core";
import { EmptyState, ErrorState, Panel } from "@oms/ui";
import { IconClockHour4 } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { CsvButton } from "./csv-button.tsx";
import { ChangeBadge, periodInput, useDurationText, type ReportState } from "./shared.tsx";

/** Fulfilment times: p50 / p90 / mean of order → ready, order → shipped and ready → collected. */
export function FulfilmentSection({ state }: { state: ReportState }) {
  const t = useTranslations("hqReports");
  const locale = useLocale();
  const trpc = useTRPC();
  const d = useDurationText();
  const report = useQuery(trpc.reports.fulfilmentTimes.queryOptions({ ...periodInput(state), compare: state.compare }));
  if (report.isError && !report.data) return <ErrorState title={t("loadFailed")} message={report.error.message} retryLabel={t("retry")} onRetry={() => void report.refetch()} />;
  const data = report.data;
  if (!data) return <Skeleton h={320} radius="md" />;
  const hours = (s: number | null) => (s === null ? 0 : Math.round((s / 3600) * 10) / 10);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {data.network.map((m) => {
          const before = data.previous?.find((p) => p.measure === m.measure);
          return (
            <Paper key={m.measure} withBorder p="md" radius="md" data-testid={`fulfilment-${m.measure}`}>
              <Text size="sm" c="dimmed" fw={500}>
                {t(`fulfilment.${m.measure}`)}
              </Text>
              <Group gap="xs" align="baseline">
                <Text fz={26} fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
                  {d(m.p50)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("fulfilment.median")}
                </Text>
                {before && m.p50 !== null && before.p50 !== null ? <ChangeBadge current={m.p50} previous={before.p50} label={t("change.vsPrevious")} inverse /> : null}
              </Group>
              <Text size="xs" c="dimmed">
                {t("fulfilment.detail", { p90: d(m.p90), mean: d(m.mean), count: m.count })}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
      <Panel title={t("fulfilment.byLocationTitle")} description={t("fulfilment.byLocationDescription")} actions={<CsvButton report="fulfilment" state={state} />}>
        {data.byLocation.length === 0 ? (
          <EmptyState icon={<IconClockHour4 size={28} aria-hidden />} title={t("fulfilment.none")} description={t("fulfilment.noneHint")} />
        ) : (
          <>
            <BarChart
              h={220}
              data={data.network.map((m) => ({ measure: t(`fulfilment.${m.measure}`), p50: hours(m.p50), p90: hours(m.p90) }))}
              dataKey="measure"
              series={[
                { name: "p50", label: t("fulfilment.p50"), color: "blue.6" },
                { name: "p90", label: t("fulfilment.p90"), color: "indigo.3" },
              ]}
              valueFormatter={(v) => t("fulfilment.hours", { hours: v.toLocaleString(locale) })}
              withLegend
              aria-label={t("fulfilment.byLocationTitle")}
            />
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("groups.location")}</Table.Th>
                    <Table.Th>{t("fulfilment.measure")}</Table.Th>
                    <Table.Th ta="end">{t("fulfilment.count")}</Table.Th>
                    <Table.Th ta="end">{t("fulfilment.p50")}</Table.Th>
                    <Table.Th ta="end">{t("fulfilment.p90")}</Table.Th>
                    <Table.Th ta="end">{t("fulfilment.mean")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.byLocation.map((r) => (
                    <Table.Tr key={`${r.locationId}:${r.measure}`}>
                      <Table.Td>{r.locationName}</Table.Td>
                      <Table.Td>{t(`fulfilment.${r.measure}`)}</Table.Td>
                      <Table.Td ta="end">{r.count.toLocaleString(locale)}</Table.Td>
                      <Table.Td ta="end">{d(r.p50)}</Table.Td>
                      <Table.Td ta="end">{d(r.p90)}</Table.Td>
                      <Table.Td ta="end">{d(r.mean)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Panel>
    </Stack>
  );
}
