"use client";
import { AreaChart } from "@mantine/charts";
import { Group, Paper, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import { addDays, daysInPeriod, previousPeriod } from "@oms/contracts";
import { EmptyState, ErrorState, Money, moneyText, Panel } from "@oms/ui";
import { IconChartLine } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useMemo, type ReactNode } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import { CsvButton } from "./csv-button.tsx";
import { SalesTable } from "./sales-table.tsx";
import { ChangeBadge, FxFootnote, periodInput, type FiguresView, type ReportState } from "./shared.tsx";

/** Sales: the period's figures against the previous period, net sales by day, then by channel and by location. */
export function SalesSection({ state }: { state: ReportState }) {
  const t = useTranslations("hqReports");
  const trpc = useTRPC();
  const timeZone = useMemo(() => browserTimeZone(), []);
  const base = { ...periodInput(state), groupBy: "day" as const, pageSize: 366 };
  const days = useQuery(trpc.reports.sales.queryOptions({ ...base, compare: state.compare }));
  const before = previousPeriod(state);
  const previousDays = useQuery({ ...trpc.reports.sales.queryOptions({ ...base, ...before }), enabled: state.compare });

  if (days.isError && !days.data) return <ErrorState title={t("loadFailed")} message={days.error.message} retryLabel={t("retry")} onRetry={() => void days.refetch()} />;
  const data = days.data;
  return (
    <Stack gap="lg">
      {data ? <SalesKpis figures={data.totals.figures} previous={data.totals.previous} currency={data.fx.currency} /> : <Skeleton h={104} radius="md" />}
      <Panel title={t("byDay.title")} description={t("byDay.description")} actions={<CsvButton report="sales-day" state={state} />}>
        {data ? <DayChart state={state} rows={data.rows} previousRows={state.compare ? (previousDays.data?.rows ?? []) : null} currency={data.fx.currency} /> : <Skeleton h={280} />}
        {data ? <FxFootnote fx={data.fx} timeZone={timeZone} /> : null}
      </Panel>
      <SimpleGrid cols={{ base: 1 }} spacing="lg">
        <SalesTable state={state} groupBy="channel" title={t("byChannel.title")} description={t("byChannel.description")} />
        <SalesTable state={state} groupBy="location" title={t("byLocation.title")} description={t("byLocation.description")} />
      </SimpleGrid>
    </Stack>
  );
}

function SalesKpis({ figures, previous, currency }: { figures: FiguresView; previous: FiguresView | null; currency: string }) {
  const t = useTranslations("hqReports");
  const locale = useLocale();
  const money = (n: number | null) => (n === null ? "–" : <Money amount={n} currency={currency} locale={locale} />);
  const items: { id: "net" | "gross" | "returns" | "tax" | "orders" | "averageBasket" | "units"; value: ReactNode; inverse?: boolean }[] = [
    { id: "net", value: money(figures.net) },
    { id: "gross", value: money(figures.gross) },
    { id: "returns", value: money(figures.returns), inverse: true },
    { id: "tax", value: money(figures.tax) },
    { id: "orders", value: figures.orders.toLocaleString(locale) },
    { id: "averageBasket", value: money(figures.averageBasket) },
    { id: "units", value: figures.units.toLocaleString(locale) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, xl: 7 }} spacing="sm" data-testid="sales-kpis">
      {items.map((item) => (
        <Paper key={item.id} withBorder p="sm" radius="md" data-testid={`sales-kpi-${item.id}`}>
          <Text size="xs" c="dimmed" fw={500}>
            {t(`kpi.${item.id}`)}
          </Text>
          <Text fz="xl" fw={700} style={{ fontVariantNumeric: "tabular-nums" }} data-testid={`sales-kpi-${item.id}-value`}>
            {item.value}
          </Text>
          {previous ? (
            <Group gap={6} mt={2} wrap="nowrap">
              <ChangeBadge current={(figures[item.id] as number | null) ?? 0} previous={previous[item.id] as number | null} label={t("change.vsPrevious")} inverse={item.inverse ?? false} />
              <Text size="xs" c="dimmed" truncate="end" data-testid={`sales-kpi-${item.id}-previous`}>
                {typeof previous[item.id] === "number" ? (["orders", "units"].includes(item.id) ? (previous[item.id] as number).toLocaleString(locale) : moneyText(previous[item.id] as number, currency, locale)) : "–"}
              </Text>
            </Group>
          ) : null}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

type DayRow = { key: string; figures: FiguresView };

/** Net sales per day, every day of the period (days without sales at 0), the previous period's day by day beside it. */
function DayChart({ state, rows, previousRows, currency }: { state: ReportState; rows: DayRow[]; previousRows: DayRow[] | null; currency: string }) {
  const t = useTranslations("hqReports");
  const locale = useLocale();
  const length = daysInPeriod(state.from, state.to);
  const before = previousPeriod(state);
  const net = new Map(rows.map((r) => [r.key, r.figures.net]));
  const prev = new Map((previousRows ?? []).map((r) => [r.key, r.figures.net]));
  const fmt = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const data = Array.from({ length }, (_, i) => {
    const day = addDays(state.from, i);
    return { day: fmt.format(new Date(`${day}T00:00:00Z`)), net: net.get(day) ?? 0, ...(previousRows ? { previous: prev.get(addDays(before.from, i)) ?? 0 } : {}) };
  });
  if (rows.length === 0 && (!previousRows || previousRows.length === 0)) return <EmptyState icon={<IconChartLine size={28} aria-hidden />} title={t("empty")} description={t("emptyHint")} />;
  return (
    <AreaChart
      h={280}
      data={data}
      dataKey="day"
      curveType="monotone"
      withDots={length <= 31}
      series={[
        { name: "net", label: t("series.net"), color: "blue.6" },
        ...(previousRows ? [{ name: "previous", label: t("series.previous"), color: "gray.5", strokeDasharray: "5 5" }] : []),
      ]}
      valueFormatter={(v) => moneyText(v, currency, locale)}
      withLegend
      yAxisProps={{ width: 90 }}
      aria-label={t("byDay.title")}
    />
  );
}
