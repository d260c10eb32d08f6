"use client";
import { Alert, Anchor, Button, Checkbox, Group, List, SegmentedControl, Stack, Text, Tooltip } from "@mantine/core";
import { useDebouncedValue, useLocalStorage } from "@mantine/hooks";
import { DataTable, DateTime, EmptyState, ErrorState, Panel, type DataTableColumn, type DataTableSort } from "@oms/ui";
import { IconChartLine, IconCheck, IconDownload, IconFilterOff, IconX } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import { formatNumber, inventoryHref } from "../inventory/shared.ts";
import { ScopeFilters } from "../inventory/scope-filters.tsx";
import { CoverText } from "../inventory/stock-cells.tsx";
import { ForecastDrawer } from "./forecast-drawer.tsx";
import { acceptItem, calendarDay, draftHref, forecastExportHref, urgencies, type AcceptResult, type ForecastInput, type ForecastRow, type Urgency } from "./shared.ts";
import { SuggestionCell } from "./suggestion-cell.tsx";

const pageSizes = [25, 50, 100];
type SortKey = NonNullable<ForecastInput["sort"]>;

/**
 * HQ › Forecast: every level that sells, soonest stockout first, with its replenishment
 * suggestion. Filtering, sorting, paging and the suggestions are computed on the server
 * (forecast.table); accepting sends the suggestions as shown (forecast.accept).
 */
export function ForecastScreen() {
  const t = useTranslations("hqForecast");
  const tt = useTranslations("table");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const [locationIds, setLocationIds] = useState<string[]>([]);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [urgency, setUrgency] = useState<Urgency>("ALL");
  const [searchText, setSearchText] = useState("");
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const [sort, setSort] = useState<DataTableSort>([{ id: "stockout", desc: false }]);
  const [page, setPage] = useState({ pageIndex: 0, pageSize: 50 });
  const [selected, setSelected] = useState<Map<string, ForecastRow>>(new Map());
  const [open, setOpen] = useState<ForecastRow | null>(null);
  const [hidden, setHidden] = useLocalStorage<string[]>({ key: "oms-hq-forecast-hidden-columns", defaultValue: [] });
  const [results, setResults] = useState<{ items: AcceptResult[]; rows: Map<string, ForecastRow> } | null>(null);

  const reset = (fn: () => void) => {
    fn();
    setPage((p) => ({ ...p, pageIndex: 0 }));
  };

  const input: ForecastInput = {
    ...(locationIds.length ? { locationIds } : {}),
    ...(categoryId ? { categoryId } : {}),
    ...(search ? { search } : {}),
    urgency,
    sort: (sort[0]?.id ?? "stockout") as SortKey,
    desc: sort[0]?.desc ?? false,
    pageIndex: page.pageIndex,
    pageSize: page.pageSize,
  };
  const table = useQuery({ ...trpc.forecast.table.queryOptions(input), placeholderData: keepPreviousData });
  const refreshTable = () => queryClient.invalidateQueries({ queryKey: trpc.forecast.table.pathKey() });
  // The rows being accepted, as they were shown (for the result panel's names).
  const accepting = useRef(new Map<string, ForecastRow>());
  const accept = useMutation(
    trpc.forecast.accept.mutationOptions({
      onSuccess: (data) => {
        setResults({ items: data.items, rows: new Map(accepting.current) });
        setSelected(new Map());
        setOpen(null);
        void refreshTable();
      },
      onError: () => void refreshTable(),
    }),
  );
  const recompute = useMutation(trpc.forecast.refresh.mutationOptions({ onSuccess: () => void refreshTable() }));
  const acceptRows = (rows: ForecastRow[]) => {
    setResults(null);
    accepting.current = new Map(rows.map((r) => [r.id, r]));
    accept.mutate({ items: rows.filter((r) => r.suggestion).map(acceptItem) });
  };
  const num = (n: number, digits = 0) => formatNumber(locale, n, digits);
  const data = table.data;
  const selectable = (data?.items ?? []).filter((r) => r.suggestion);
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const toggle = (row: ForecastRow, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });

  const columns = useMemo<DataTableColumn<ForecastRow>[]>(
    () => [
      {
        id: "select",
        header: "",
        hideable: false,
        width: 44,
        cell: (row) =>
          row.suggestion ? (
            <Checkbox
              aria-label={t("selectRow", { sku: row.sku, location: row.locationName })}
              checked={selected.has(row.id)}
              onClick={(e) => e.stopPropagation()}
              onChange={(e) => toggle(row, e.currentTarget.checked)}
            />
          ) : null,
      },
      {
        id: "sku",
        header: t("columns.item"),
        sortable: true,
        hideable: false,
        cell: (row) => (
          <Stack gap={0} maw={230}>
            <Anchor component={Link} href={inventoryHref(row.variantId)} size="sm" ff="monospace" fw={600} onClick={(e) => e.stopPropagation()}>
              {row.sku}
            </Anchor>
            <Text size="xs" c="dimmed" truncate="end" title={`${row.productName} · ${row.variantName}`}>
              {row.productName} · {row.variantName}
            </Text>
          </Stack>
        ),
      },
      {
        id: "location",
        header: t("columns.location"),
        // Long store names wrap in a narrow column, so the suggestion stays in view at 1440 px.
        cell: (row) => (
          <Stack gap={0} maw={170}>
            <Text size="sm" lineClamp={2} title={row.locationName}>
              {row.locationName}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {row.locationCode}
            </Text>
          </Stack>
        ),
      },
      { id: "soldPerDay", header: t("columns.soldPerDay"), sortable: true, align: "end", cell: (row) => num(row.soldPerDay, 2) },
      {
        id: "available",
        header: t("columns.available"),
        sortable: true,
        align: "end",
        cell: (row) => (
          <Stack gap={0} align="flex-end">
            <Text size="sm" fw={700} c={row.available === 0 ? "red.8" : undefined}>
              {num(row.available)}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {t("onHandOf", { count: row.onHand })}
            </Text>
          </Stack>
        ),
      },
      {
        id: "incoming",
        header: t("columns.incoming"),
        align: "end",
        cell: (row) =>
          row.incoming ? (
            <Tooltip label={t("incomingHint", { inTransit: row.inTransit, pending: row.incoming - row.inTransit })} withArrow>
              <Text size="sm" span tabIndex={0}>
                {num(row.incoming)}
              </Text>
            </Tooltip>
          ) : (
            "—"
          ),
      },
      { id: "daysOfCover", header: t("columns.daysOfCover"), sortable: true, align: "end", cell: (row) => <CoverText days={row.daysOfCover} onHand={row.onHand} soldPerDay={row.soldPerDay} /> },
      {
        id: "stockout",
        header: t("columns.stockout"),
        sortable: true,
        cell: (row) =>
          row.stockoutDate ? (
            <Stack gap={0}>
              <Text size="sm" fw={row.daysToStockout !== null && row.daysToStockout < 7 ? 700 : 500} c={row.daysToStockout !== null && row.daysToStockout < 7 ? "red.8" : undefined} style={{ whiteSpace: "nowrap" }}>
                <DateTime value={calendarDay(row.stockoutDate)} timeZone="UTC" locale={locale} format="date" />
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                {row.available === 0 ? t("stockoutNow") : t("stockoutIn", { days: num(row.daysToStockout ?? 0, 1) })}
              </Text>
            </Stack>
          ) : (
            "—"
          ),
      },
      {
        id: "suggestion",
        header: t("columns.suggestion"),
        cell: (row) => (
          <Group gap="sm" wrap="nowrap" justify="space-between" miw={240}>
            <SuggestionCell row={row} />
            {row.suggestion ? (
              <Button
                size="xs"
                variant="light"
                onClick={(e) => {
                  e.stopPropagation();
                  acceptRows([row]);
                }}
                loading={accept.isPending && accept.variables?.items.some((i) => i.levelId === row.id)}
                disabled={accept.isPending}
                aria-label={t("acceptRow", { sku: row.sku, location: row.locationName })}
              >
                {t("accept")}
              </Button>
            ) : null}
          </Group>
        ),
      },
    ],
    [t, locale, selected, allSelected, data, accept.isPending, accept.variables],
  );

  const filtered = Boolean(locationIds.length || categoryId || search || urgency !== "ALL");
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
        <Text size="sm" fw={500} id="urgency-filter-label">
          {t("filters.urgency")}
        </Text>
        <SegmentedControl
          aria-labelledby="urgency-filter-label"
          value={urgency}
          onChange={(value) => reset(() => setUrgency(value as Urgency))}
          data={urgencies.map((value) => ({ value, label: t(`filters.urgencyOptions.${value}`) }))}
        />
      </Stack>
      <Checkbox
        label={t("selectAll")}
        checked={allSelected}
        indeterminate={!allSelected && selectable.some((r) => selected.has(r.id))}
        disabled={selectable.length === 0}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          setSelected((current) => {
            const next = new Map(current);
            for (const r of selectable) {
              if (on) next.set(r.id, r);
              else next.delete(r.id);
            }
            return next;
          });
        }}
        mb={8}
      />
      {filtered ? (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() =>
            reset(() => {
              setLocationIds([]);
              setCategoryId(null);
              setUrgency("ALL");
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
    <Stack gap="md">
      {results ? <AcceptResults results={results} onClose={() => setResults(null)} /> : null}
      {accept.isError ? (
        <Alert color="red" icon={<IconX size={18} aria-hidden />} title={t("acceptFailed")} withCloseButton onClose={() => accept.reset()} closeButtonLabel={t("close")}>
          {accept.error.message}
        </Alert>
      ) : null}
      <Panel
        title={t("tableTitle")}
        description={
          <span>
            {totalText}
            {data?.velocityAt ? (
              <>
                {" · "}
                {t("velocityAt")} <DateTime value={data.velocityAt} timeZone={browserTimeZone()} locale={locale} />
              </>
            ) : null}
          </span>
        }
        actions={
          <Group gap="sm">
            {selected.size > 0 ? (
              <>
                <Text size="sm" fw={600} aria-live="polite">
                  {t("selected", { count: selected.size })}
                </Text>
                <Button variant="subtle" onClick={() => setSelected(new Map())}>
                  {t("clearSelection")}
                </Button>
                <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => acceptRows([...selected.values()])} loading={accept.isPending} size="md">
                  {t("acceptSelected", { count: selected.size })}
                </Button>
              </>
            ) : (
              <>
                <Tooltip label={t("recomputeHint")} withArrow multiline maw={320}>
                  <Button variant="default" size="md" leftSection={<IconChartLine size={18} aria-hidden />} onClick={() => recompute.mutate()} loading={recompute.isPending}>
                    {t("recompute")}
                  </Button>
                </Tooltip>
                <Button component="a" href={forecastExportHref(input)} download variant="default" size="md" leftSection={<IconDownload size={18} aria-hidden />}>
                  {t("exportCsv")}
                </Button>
              </>
            )}
          </Group>
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
            maxHeight="calc(100vh - 400px)"
            toolbar={toolbar}
            columnVisibility={{ hidden, onChange: setHidden }}
            rowTone={(row) => (row.daysToStockout !== null && row.daysToStockout < 7 && !row.accepted ? "danger" : null)}
            onRowClick={(row) => setOpen(row)}
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
                icon={<IconChartLine size={28} aria-hidden />}
                title={filtered ? t("emptyFiltered") : t("empty")}
                description={filtered ? t("emptyFilteredHint") : t("emptyHint")}
              />
            }
          />
        )}
      </Panel>
      <ForecastDrawer row={open} onClose={() => setOpen(null)} onAccept={(row) => acceptRows([row])} accepting={accept.isPending} />
    </Stack>
  );
}

/** What accepting made: each draft once, with a link to where it is seen. */
function AcceptResults({ results, onClose }: { results: { items: AcceptResult[]; rows: Map<string, ForecastRow> }; onClose: () => void }) {
  const t = useTranslations("hqForecast");
  const drafts = new Map<string, { result: AcceptResult; rows: ForecastRow[] }>();
  for (const item of results.items) {
    const draft = item.transfer ?? item.purchaseOrder;
    if (!draft) continue;
    const entry = drafts.get(draft.id) ?? { result: item, rows: [] };
    const row = results.rows.get(item.levelId);
    if (row) entry.rows.push(row);
    drafts.set(draft.id, entry);
  }
  const already = results.items.filter((i) => i.status === "ALREADY_ACCEPTED").length;
  return (
    <Alert color="teal" icon={<IconCheck size={18} aria-hidden />} title={t("accepted.title", { count: drafts.size })} withCloseButton onClose={onClose} closeButtonLabel={t("close")}>
      <List spacing={4} size="sm">
        {[...drafts.values()].map(({ result, rows }) => {
          const draft = (result.transfer ?? result.purchaseOrder)!;
          const first = rows[0];
          return (
            <List.Item key={draft.id}>
              <Anchor component={Link} href={draftHref(result, first?.variantId ?? "")} fw={600} ff="monospace">
                {draft.number}
              </Anchor>{" "}
              {result.kind === "TRANSFER"
                ? t("accepted.transferLine", { count: rows.length, from: first?.suggestion?.fromLocation?.name ?? "", to: first?.locationName ?? "" })
                : t("accepted.orderLine", { count: rows.length, supplier: first?.suggestion?.supplierName ?? "", to: first?.locationName ?? "" })}
            </List.Item>
          );
        })}
      </List>
      {already > 0 ? (
        <Text size="sm" mt="xs">
          {t("accepted.already", { count: already })}
        </Text>
      ) : null}
    </Alert>
  );
}
