"use client";
import { BarsList } from "@mantine/charts";
import { Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text } from "@mantine/core";
import { EmptyState, ErrorState, Panel } from "@oms/ui";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { CsvButton } from "./csv-button.tsx";
import { ChangeBadge, percentText, periodInput, type ReportState } from "./shared.tsx";

/** Returns: the return rate (returned ÷ sold units in the period), the reasons, the rate per category. */
export function ReturnsSection({ state }: { state: ReportState }) {
  const t = useTranslations("hqReports");
  const reasons = useTranslations("posReturns.lines.reasons");
  const locale = useLocale();
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.returns.queryOptions({ ...periodInput(state), compare: state.compare }));
  if (report.isError && !report.data) return <ErrorState title={t("loadFailed")} message={report.error.message} retryLabel={t("retry")} onRetry={() => void report.refetch()} />;
  const data = report.data;
  if (!data) return <Skeleton h={320} radius="md" />;
  const previous = data.previous;
  const kpis = [
    { id: "rate", value: percentText(data.rate, locale), current: data.rate ?? 0, before: previous ? (previous.rate ?? 0) : null },
    { id: "returnedUnits", value: data.returnedUnits.toLocaleString(locale), current: data.returnedUnits, before: previous?.returnedUnits ?? null },
    { id: "soldUnits", value: data.soldUnits.toLocaleString(locale), current: data.soldUnits, before: previous?.soldUnits ?? null },
  ] as const;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {kpis.map((k) => (
          <Paper key={k.id} withBorder p="sm" radius="md" data-testid={`returns-kpi-${k.id}`}>
            <Text size="xs" c="dimmed" fw={500}>
              {t(`returns.${k.id}`)}
            </Text>
            <Text fz="xl" fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
              {k.value}
            </Text>
            {k.before !== null ? (
              <Group gap={6} mt={2}>
                <ChangeBadge current={k.current} previous={k.before} label={t("change.vsPrevious")} inverse={k.id !== "soldUnits"} />
              </Group>
            ) : null}
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Panel title={t("returns.reasonsTitle")} description={t("returns.reasonsDescription")} actions={<CsvButton report="returns" state={state} />}>
          {data.reasons.length === 0 ? (
            <EmptyState icon={<IconArrowBackUp size={28} aria-hidden />} title={t("returns.none")} description={t("returns.noneHint")} />
          ) : (
            <BarsList
              data={data.reasons.map((r) => ({ name: reasons(r.reason), value: r.units }))}
              valueFormatter={(v) => `${v.toLocaleString(locale)} · ${percentText(v / data.returnedUnits, locale)}`}
              barsLabel={t("returns.reason")}
              valueLabel={t("returns.units")}
              barColor="orange.2"
            />
          )}
        </Panel>
        <Panel title={t("returns.byCategoryTitle")} description={t("returns.byCategoryDescription")}>
          {data.byCategory.length === 0 ? (
            <EmptyState icon={<IconArrowBackUp size={28} aria-hidden />} title={t("empty")} description={t("emptyHint")} />
          ) : (
            <Table.ScrollContainer minWidth={420}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("groups.category")}</Table.Th>
                    <Table.Th ta="end">{t("columns.units")}</Table.Th>
                    <Table.Th ta="end">{t("returns.returnedUnits")}</Table.Th>
                    <Table.Th ta="end">{t("returns.rate")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.byCategory.map((c) => (
                    <Table.Tr key={c.key}>
                      <Table.Td>{c.label}</Table.Td>
                      <Table.Td ta="end">{c.soldUnits.toLocaleString(locale)}</Table.Td>
                      <Table.Td ta="end">{c.returnedUnits.toLocaleString(locale)}</Table.Td>
                      <Table.Td ta="end" fw={600}>
                        {percentText(c.rate, locale)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Panel>
      </SimpleGrid>
    </Stack>
  );
}
