"use client";
import { Anchor, Button, Group, SegmentedControl, Stack, Text, Tooltip } from "@mantine/core";
import { useDebouncedValue, useLocalStorage } from "@mantine/hooks";
import { DataTable, EmptyState, ErrorState, Panel, type DataTableColumn, type DataTableSort } from "@oms/ui";
import { IconBoxSeam, IconDownload, IconFilterOff } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { defaultHiddenColumns, exportHref, formatNumber, HIDDEN_COLUMNS_KEY, inventoryHref, type InventoryRow, type StockFilter, type TableInput } from "./shared.ts";
import { ScopeFilters } from "./scope-filters.tsx";
import { CoverText, StockBadge } from "./stock-cells.tsx";

const pageSizes = [25, 50, 100];
type SortKey = NonNullable<TableInput["sort"]>;

/**
 * HQ › Inventory: every variant × location in one table. Filtering, sorting, paging and the
 * count happen on the server (inventory.table); the CSV export streams the filtered set.
 */
export function InventoryScreen({ initialStock = "ALL" }: { initialStock?: StockFilter }) {
  const t = useTranslations("hqInventory");
  const tt = useTranslations("table");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();

  const [locationIds, setLocationIds] = useState<string[]>([]);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [stock, setStock] = useState<StockFilter>(initialStock);
  const [searchText, setSearchText] = useState("");
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const [sort, setSort] = useState<DataTableSort>([{ id: "sku", desc: false }]);
  const [page, setPage] = useState({ pageIndex: 0, pageSize: 50 });
  const [hidden, setHidden] = useLocalStorage<string[]>({ key: HIDDEN_COLUMNS_KEY, defaultValue: defaultHiddenColumns });

  const reset = (fn: () => void) => {
    fn();
    setPage((p) => ({ ...p, pageIndex: 0 }));
  };

  const input: TableInput = {
    ...(locationIds.length ? { locationIds } : {}),
    ...(categoryId ? { categoryId } : {}),
    ...(search ? { search } : {}),
    stock,
    sort: (sort[0]?.id ?? "sku") as SortKey,
    desc: sort[0]?.desc ?? false,
    pageIndex: page.pageIndex,
    pageSize: page.pageSize,
  };
  const table = useQuery({ ...trpc.inventory.table.queryOptions(input), placeholderData: keepPreviousData });
  const num = (n: number) => formatNumber(locale, n);

  const columns = useMemo<DataTableColumn<InventoryRow>[]>(
    () => [
      {
        id: "sku",
        header: t("columns.sku"),
        sortable: true,
        hideable: false,
        cell: (row) => (
          <Anchor component={Link} href={inventoryHref(row.variantId)} size="sm" ff="monospace" fw={600} onClick={(e) => e.stopPropagation()}>
            {row.sku}
          </Anchor>
        ),
      },
      {
        id: "name",
        header: t("columns.item"),
        sortable: true,
        cell: (row) => (
          <Stack gap={0} maw={280}>
            <Text size="sm" fw={500} truncate="end" title={row.productName}>
              {row.productName}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {row.variantName} · {row.categoryName}
            </Text>
          </Stack>
        ),
      },
      {
        id: "location",
        header: t("columns.location"),
        sortable: true,
        cell: (row) => (
          <Text size="sm" style={{ whiteSpace: "nowrap" }} title={row.locationCode}>
            {row.locationName}
          </Text>
        ),
      },
      { id: "onHand", header: t("columns.onHand"), sortable: true, align: "end", cell: (row) => num(row.onHand) },
      { id: "reserved", header: t("columns.reserved"), sortable: true, align: "end", cell: (row) => num(row.reserved) },
      {
        id: "available",
        header: t("columns.available"),
        sortable: true,
        align: "end",
        cell: (row) => (
          <Text size="sm" fw={700} c={row.available === 0 ? "red.8" : row.low ? "orange.8" : undefined}>
            {num(row.available)}
          </Text>
        ),
      },
      { id: "inTransit", header: t("columns.inTransit"), sortable: true, align: "end", cell: (row) => (row.inTransit ? num(row.inTransit) : "—") },
      { id: "safetyStock", header: t("columns.safetyStock"), sortable: true, align: "end", cell: (row) => num(row.safetyStock) },
      { id: "reorderPoint", header: t("columns.reorderPoint"), sortable: true, align: "end", cell: (row) => num(row.reorderPoint) },
      { id: "daysOfCover", header: t("columns.daysOfCover"), sortable: true, align: "end", cell: (row) => <CoverText days={row.daysOfCover} onHand={row.onHand} soldPerDay={row.soldPerDay} /> },
      { id: "status", header: t("columns.status"), width: 150, cell: (row) => <StockBadge onHand={row.onHand} low={row.low} /> },
    ],
    [t, locale],
  );

  const filtered = Boolean(locationIds.length || categoryId || search || stock !== "ALL");
  const data = table.data;
  const totalText = data ? (data.totalCapped ? t("countCapped", { count: data.total }) : t("count", { count: data.total })) : t("tableHint");

  const toolbar = (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <ScopeFilters
        searchText={searchText}
        onSearchText={(value) => reset(() => setSearchText(value))}
        locationIds={locationIds}
        onLocationIds={(value) => reset(() => setLocationIds(value))}
        categoryId={categoryId}
        onCategoryId={(value) => reset(() => setCategoryId(value))}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="stock-filter-label">
          {t("filters.stock")}
        </Text>
        <SegmentedControl
          aria-labelledby="stock-filter-label"
          value={stock}
          onChange={(value) => reset(() => setStock(value as StockFilter))}
          data={(["ALL", "LOW", "ZERO"] as const).map((value) => ({ value, label: t(`filters.stockOptions.${value}`) }))}
        />
      </Stack>
      {filtered ? (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() =>
            reset(() => {
              setLocationIds([]);
              setCategoryId(null);
              setStock("ALL");
              setSearchText("");
            })
          }
        >
          {t("filters.reset")}
        </Button>
      ) : null}
    </Group>
  );

  return (
    <Panel
      title={t("tableTitle")}
      description={totalText}
      actions={
        <Tooltip label={t("exportHint")} withArrow multiline maw={320}>
          <Button component="a" href={exportHref({ locationIds, categoryId, search, stock })} download variant="default" size="md" leftSection={<IconDownload size={18} aria-hidden />}>
            {t("export")}
          </Button>
        </Tooltip>
      }
    >
      {table.isError ? (
        <ErrorState title={t("loadFailed")} message={table.error.message} retryLabel={t("retry")} onRetry={() => void table.refetch()} />
      ) : (
        <DataTable
          caption={t("tableTitle")}
          columns={columns}
          data={data?.items ?? []}
          getRowId={(row) => row.id}
          loading={table.isPending || (table.isFetching && table.isPlaceholderData)}
          maxHeight="calc(100vh - 380px)"
          toolbar={toolbar}
          columnVisibility={{ hidden, onChange: setHidden }}
          rowTone={(row) => (row.onHand === 0 ? "danger" : row.low ? "warning" : null)}
          onRowClick={(row) => router.push(inventoryHref(row.variantId))}
          sorting={{ value: sort, onChange: setSort }}
          pagination={{ ...page, rowCount: data?.total ?? 0, pageSizes, onChange: setPage }}
          labels={{
            loading: tt("loading"),
            pageSize: tt("pageSize"),
            sort: tt("sort"),
            range: (from, to, total) => (data?.totalCapped ? t("rangeCapped", { from, to, total }) : tt("range", { from, to, total })),
            columns: t("columnsMenu"),
          }}
          empty={
            <EmptyState
              icon={<IconBoxSeam size={28} aria-hidden />}
              title={filtered ? t("emptyFiltered") : t("empty")}
              description={filtered ? t("emptyFilteredHint") : t("emptyHint")}
            />
          }
        />
      )}
    </Panel>
  );
}
