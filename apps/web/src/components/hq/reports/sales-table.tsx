"use client";
import { Group, Stack, Text } from "@mantine/core";
import type { Channel, ReportKind, SalesGroupBy, SalesSortField } from "@oms/contracts";
import { DataTable, EmptyState, ErrorState, Money, Panel, type DataTableColumn } from "@oms/ui";
import { IconChartBar } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, type ReactNode } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { CsvButton } from "./csv-button.tsx";
import { ChangeBadge, GroupNameCell, GroupSearch, periodInput, useReportTable, useTableLabels, type ReportState, type SalesRowView } from "./shared.tsx";

const csvOf: Record<SalesGroupBy, ReportKind> = {
  day: "sales-day",
  channel: "sales-channel",
  location: "sales-location",
  product: "sales-product",
  category: "sales-category",
};

/**
 * One sales report as a table: sorted, searched and paged on the server (reports.sales),
 * amounts in the reporting currency (a location's also in its own), with the previous
 * period's net and the change when the comparison is on.
 */
export function SalesTable({ state, groupBy, title, description, searchable = false, extra }: { state: ReportState; groupBy: SalesGroupBy; title: string; description: string; searchable?: boolean; extra?: ReactNode }) {
  const t = useTranslations("hqReports");
  const labels = useTableLabels();
  const channels = useTranslations("hqOrders.channel");
  const locale = useLocale();
  const trpc = useTRPC();
  const { sort, setSort, page, setPage, searchText, setSearchText, search } = useReportTable(state, [{ id: "net", desc: true }], [groupBy]);

  const input = {
    ...periodInput(state),
    compare: state.compare,
    groupBy,
    ...(search ? { search } : {}),
    sort: { field: (sort[0]?.id ?? "net") as SalesSortField, desc: sort[0]?.desc ?? true },
    page: page.pageIndex,
    pageSize: page.pageSize,
  };
  const report = useQuery({ ...trpc.reports.sales.queryOptions(input), placeholderData: keepPreviousData });
  const currency = report.data?.fx.currency ?? "EUR";
  const label = (row: SalesRowView) => (groupBy === "channel" ? channels(row.key as Channel) : row.label || t("noLocation"));

  const columns = useMemo<DataTableColumn<SalesRowView>[]>(() => {
    const money = (id: "gross" | "returns" | "tax" | "averageBasket", header: string): DataTableColumn<SalesRowView> => ({
      id,
      header,
      sortable: true,
      align: "end",
      cell: (row) => (row.figures[id] === null ? "–" : <Money amount={row.figures[id]!} currency={currency} locale={locale} />),
    });
    return [
      {
        id: "key",
        header: t(`groups.${groupBy}`),
        sortable: true,
        hideable: false,
        cell: (row) => <GroupNameCell name={label(row)} detail={row.detail} />,
      },
      ...(groupBy === "location"
        ? [
            {
              id: "local",
              header: t("columns.local"),
              align: "end" as const,
              cell: (row: SalesRowView) => (
                <Stack gap={0} align="flex-end">
                  {row.local.map((l) => (
                    <Money key={l.currency} amount={l.net} currency={l.currency} locale={locale} />
                  ))}
                </Stack>
              ),
            },
          ]
        : []),
      {
        id: "net",
        header: t("columns.net", { currency }),
        sortable: true,
        hideable: false,
        align: "end",
        cell: (row) => (
          <Text size="sm" fw={600} span>
            <Money amount={row.figures.net} currency={currency} locale={locale} />
          </Text>
        ),
      },
      ...(state.compare
        ? [
            {
              id: "previous",
              header: t("columns.previous"),
              align: "end" as const,
              cell: (row: SalesRowView) => (
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  {row.previous ? <Money amount={row.previous.net} currency={currency} locale={locale} /> : <Text size="sm" c="dimmed" span>–</Text>}
                  <ChangeBadge current={row.figures.net} previous={row.previous?.net ?? null} label={t("change.vsPrevious")} />
                </Group>
              ),
            },
          ]
        : []),
      money("gross", t("columns.gross")),
      money("returns", t("columns.returns")),
      money("tax", t("columns.tax")),
      { id: "units", header: t("columns.units"), sortable: true, align: "end", cell: (row) => row.figures.units.toLocaleString(locale) },
      { id: "orders", header: t("columns.orders"), sortable: true, align: "end", cell: (row) => row.figures.orders.toLocaleString(locale) },
      money("averageBasket", t("columns.basket")),
    ];
  }, [t, groupBy, currency, locale, state.compare, channels]);

  return (
    <Panel
      title={title}
      description={description}
      actions={
        <Group gap="xs">
          {extra}
          <CsvButton report={csvOf[groupBy]} state={state} />
        </Group>
      }
    >
      {report.isError && !report.data ? (
        <ErrorState title={t("loadFailed")} message={report.error.message} retryLabel={t("retry")} onRetry={() => void report.refetch()} />
      ) : (
        <DataTable
          caption={title}
          columns={columns}
          data={report.data?.rows ?? []}
          getRowId={(row) => row.key}
          loading={report.isPending || (report.isFetching && report.isPlaceholderData)}
          toolbar={
            searchable ? <GroupSearch groupBy={groupBy} value={searchText} onChange={setSearchText} /> : undefined
          }
          sorting={{ value: sort, onChange: setSort }}
          pagination={{ ...page, rowCount: report.data?.total ?? 0, pageSizes: [25, 50, 100], onChange: setPage }}
          labels={labels}
          empty={<EmptyState icon={<IconChartBar size={28} aria-hidden />} title={t("empty")} description={search ? t("emptySearch") : t("emptyHint")} />}
        />
      )}
    </Panel>
  );
}
