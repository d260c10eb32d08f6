"use client";
import { Group, Progress, Text } from "@mantine/core";
import type { AppRouter } from "@oms/api";
import { DataTable, EmptyState, ErrorState, Panel, type DataTableColumn } from "@oms/ui";
import { IconPackage } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { CsvButton } from "./csv-button.tsx";
import { GroupBySwitch, GroupNameCell, GroupSearch, percentText, periodInput, useReportTable, useTableLabels, type ReportState } from "./shared.tsx";

type Row = inferRouterOutputs<AppRouter>["reports"]["sellThrough"]["rows"][number];
type SortField = "key" | "sold" | "onHandAtEnd" | "sellThrough";

/** Sell-through per product or category: sold ÷ (sold + on hand at the end), from the inventory ledger. */
export function SellThroughSection({ state }: { state: ReportState }) {
  const t = useTranslations("hqReports");
  const labels = useTableLabels();
  const locale = useLocale();
  const trpc = useTRPC();
  const [groupBy, setGroupBy] = useState<"product" | "category">("product");
  const { sort, setSort, page, setPage, searchText, setSearchText, search } = useReportTable(state, [{ id: "sellThrough", desc: true }], [groupBy]);
  const report = useQuery({
    ...trpc.reports.sellThrough.queryOptions({
      ...periodInput(state),
      groupBy,
      ...(search ? { search } : {}),
      sort: { field: (sort[0]?.id ?? "sellThrough") as SortField, desc: sort[0]?.desc ?? true },
      page: page.pageIndex,
      pageSize: page.pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      {
        id: "key",
        header: t(`groups.${groupBy}`),
        sortable: true,
        hideable: false,
        cell: (row) => <GroupNameCell name={row.label} detail={row.detail} />,
      },
      { id: "sold", header: t("columns.sold"), sortable: true, align: "end", cell: (row) => row.sold.toLocaleString(locale) },
      { id: "onHandAtEnd", header: t("columns.onHandAtEnd"), sortable: true, align: "end", cell: (row) => row.onHandAtEnd.toLocaleString(locale) },
      {
        id: "sellThrough",
        header: t("columns.sellThrough"),
        sortable: true,
        hideable: false,
        align: "end",
        width: 220,
        cell: (row) => (
          <Group gap="sm" justify="flex-end" wrap="nowrap">
            <Progress value={(row.sellThrough ?? 0) * 100} w={90} size="sm" color={(row.sellThrough ?? 0) >= 0.6 ? "teal" : (row.sellThrough ?? 0) >= 0.3 ? "blue" : "gray"} aria-hidden />
            <Text size="sm" fw={600} w={56} ta="end" style={{ fontVariantNumeric: "tabular-nums" }}>
              {percentText(row.sellThrough, locale)}
            </Text>
          </Group>
        ),
      },
    ],
    [t, groupBy, locale],
  );
  const totals = report.data?.totals;
  return (
    <Panel
      title={t("sellThrough.title")}
      description={t("sellThrough.description")}
      actions={
        <Group gap="xs">
          <GroupBySwitch value={groupBy} onChange={setGroupBy} />
          <CsvButton report="sell-through" state={state} />
        </Group>
      }
    >
      {totals ? (
        <Text size="sm" data-testid="sell-through-total">
          {t("sellThrough.total", { sold: totals.sold.toLocaleString(locale), onHand: totals.onHandAtEnd.toLocaleString(locale), rate: percentText(totals.sellThrough, locale) })}
        </Text>
      ) : null}
      {report.isError && !report.data ? (
        <ErrorState title={t("loadFailed")} message={report.error.message} retryLabel={t("retry")} onRetry={() => void report.refetch()} />
      ) : (
        <DataTable
          caption={t("sellThrough.title")}
          columns={columns}
          data={report.data?.rows ?? []}
          getRowId={(row) => row.key}
          loading={report.isPending || (report.isFetching && report.isPlaceholderData)}
          toolbar={<GroupSearch groupBy={groupBy} value={searchText} onChange={setSearchText} />}
          sorting={{ value: sort, onChange: setSort }}
          pagination={{ ...page, rowCount: report.data?.total ?? 0, pageSizes: [25, 50, 100], onChange: setPage }}
          labels={labels}
          empty={<EmptyState icon={<IconPackage size={28} aria-hidden />} title={t("empty")} description={search ? t("emptySearch") : t("sellThrough.emptyHint")} />}
        />
      )}
    </Panel>
  );
}
