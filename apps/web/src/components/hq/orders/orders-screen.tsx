"use client";
import { Anchor, Badge, Button, Group, MultiSelect, Select, Stack, Switch, Text, TextInput, Tooltip } from "@mantine/core";
import { useDebouncedValue, useLocalStorage } from "@mantine/hooks";
import { Channel, OrderStatus } from "@oms/contracts";
import { DataTable, DateTime, EmptyState, ErrorState, Money, Panel, type DataTableColumn } from "@oms/ui";
import { IconAlertTriangle, IconDownload, IconFilterOff, IconReceipt, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useLiveEvents } from "../../../realtime/live-provider.tsx";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import {
  defaultFilters,
  exportSearch,
  filtersActive,
  filtersFromSearch,
  orderStatusColor,
  pageSizes,
  paymentStatusColor,
  searchOfFilters,
  showsLate,
  tableInput,
  type OrderFilterState,
  type OrderRow,
} from "./shared.ts";

/**
 * HQ › Orders: every order of every channel in one server-side table. The filters live in
 * the URL; the table refreshes itself when an order changes anywhere (live events make the
 * cached `orders` queries stale, see realtime/topics.ts).
 */
export function OrdersScreen() {
  const t = useTranslations("hqOrders");
  const tt = useTranslations("table");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(params.toString())), [params]);
  const timeZone = useMemo(() => browserTimeZone(), []);
  useLiveEvents();

  // The search box types ahead of the URL: the query follows 300 ms after the last key.
  const [searchText, setSearchText] = useState(filters.search);
  const [debounced] = useDebouncedValue(searchText, 300);
  // The channel is shown under the number; its own column (sortable) is in the menu.
  const [hidden, setHidden] = useLocalStorage<string[]>({ key: "oms-hq-orders-hidden-columns", defaultValue: ["channel", "payment", "units"] });

  // Two changes in one event (a new sort, then "back to page 1") must build on each other,
  // not both on the filters of the last render.
  const latest = useRef(filters);
  useEffect(() => {
    latest.current = filters;
  }, [filters]);

  function update(change: Partial<OrderFilterState>, keepPage = false) {
    const next = { ...latest.current, ...change, ...(keepPage ? {} : { page: 0 }) };
    latest.current = next;
    const search = searchOfFilters(next);
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  useEffect(() => {
    if (debounced.trim() !== filters.search.trim()) update({ search: debounced });
    // Only the typed text drives this; `update` reads the current filters.
  }, [debounced]);

  const locations = useQuery(trpc.locations.list.queryOptions());
  const orders = useQuery({ ...trpc.orders.table.queryOptions(tableInput(filters)), placeholderData: keepPreviousData, refetchInterval: 120_000 });

  const columns = useMemo<DataTableColumn<OrderRow>[]>(
    () => [
      {
        id: "number",
        header: t("columns.number"),
        sortable: true,
        hideable: false,
        cell: (row) => (
          <Stack gap={0}>
            <Group gap={6} wrap="nowrap">
              <Anchor component={Link} href={`/hq/orders/${row.id}`} fw={600} size="sm" ff="monospace" style={{ whiteSpace: "nowrap" }} onClick={(e) => e.stopPropagation()}>
                {row.number}
              </Anchor>
              {showsLate(row) ? (
                <Tooltip label={t("lateHint")} withArrow>
                  <Badge color="red" variant="filled" size="xs" style={{ flexShrink: 0 }} leftSection={<IconAlertTriangle size={10} aria-hidden />}>
                    {t("late")}
                  </Badge>
                </Tooltip>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {t(`channel.${row.channel}`)}
            </Text>
          </Stack>
        ),
      },
      {
        id: "placedAt",
        header: t("columns.placedAt"),
        sortable: true,
        cell: (row) => <When value={row.placedAt} timeZone={timeZone} locale={locale} />,
      },
      { id: "channel", header: t("columns.channel"), sortable: true, cell: (row) => <Text size="sm">{t(`channel.${row.channel}`)}</Text> },
      {
        id: "customer",
        header: t("columns.customer"),
        sortable: true,
        cell: (row) => (
          <Stack gap={0} maw={200}>
            <Text size="sm" truncate="end">
              {row.customerName ?? t("noCustomer")}
            </Text>
            {row.email ? (
              <Text size="xs" c="dimmed" truncate="end">
                {row.email}
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        id: "status",
        header: t("columns.status"),
        sortable: true,
        cell: (row) => (
          <Badge color={orderStatusColor[row.status]} variant="light" style={{ minWidth: "max-content" }}>
            {t(`status.${row.status}`)}
          </Badge>
        ),
      },
      {
        id: "payment",
        header: t("columns.payment"),
        cell: (row) => (
          <Badge color={paymentStatusColor[row.paymentStatus]} variant="dot">
            {t(`payment.${row.paymentStatus}`)}
          </Badge>
        ),
      },
      {
        id: "locations",
        header: t("columns.locations"),
        cell: (row) => {
          const names = row.fulfilledBy.length > 0 ? row.fulfilledBy : row.origin ? [row.origin] : [];
          return names.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("notPlaced")}
            </Text>
          ) : (
            <Text size="sm" title={names.map((l) => `${l.code} ${l.name}`).join(", ")} lineClamp={2} maw={160}>
              {names.map((l) => l.name).join(", ")}
            </Text>
          );
        },
      },
      { id: "units", header: t("columns.units"), align: "end", cell: (row) => row.units },
      {
        id: "total",
        header: t("columns.total"),
        sortable: true,
        align: "end",
        cell: (row) => (
          <Text size="sm" fw={500}>
            <Money amount={row.total} currency={row.currency} locale={locale} />
          </Text>
        ),
      },
      {
        id: "promisedAt",
        header: t("columns.promisedAt"),
        sortable: true,
        cell: (row) => (row.promisedAt ? <When value={row.promisedAt} timeZone={timeZone} locale={locale} late={showsLate(row)} /> : "—"),
      },
      {
        id: "tasks",
        header: t("columns.tasks"),
        align: "end",
        cell: (row) =>
          row.openTasks > 0 ? (
            <Badge color="orange" variant="light" aria-label={t("openTasks", { count: row.openTasks })}>
              {row.openTasks}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">
              0
            </Text>
          ),
      },
    ],
    [t, locale, timeZone],
  );

  const locationOptions = (locations.data ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.code})` }));
  const active = filtersActive(filters);
  const data = orders.data;

  const toolbar = (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label={t("filters.search")}
        placeholder={t("filters.searchPlaceholder")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={searchText}
        onChange={(e) => setSearchText(e.currentTarget.value)}
        w={260}
      />
      <MultiSelect
        label={t("filters.status")}
        placeholder={filters.status.length === 0 ? t("filters.any") : undefined}
        data={OrderStatus.options.map((value) => ({ value, label: t(`status.${value}`) }))}
        value={filters.status}
        onChange={(value) => update({ status: value as OrderFilterState["status"] })}
        clearable
        w={220}
        maxDropdownHeight={320}
      />
      <MultiSelect
        label={t("filters.channel")}
        placeholder={filters.channel.length === 0 ? t("filters.any") : undefined}
        data={Channel.options.map((value) => ({ value, label: t(`channel.${value}`) }))}
        value={filters.channel}
        onChange={(value) => update({ channel: value as OrderFilterState["channel"] })}
        clearable
        w={200}
      />
      <Select
        label={t("filters.location")}
        placeholder={t("filters.allLocations")}
        data={locationOptions}
        value={filters.locationId}
        onChange={(value) => update({ locationId: value })}
        searchable
        clearable
        w={220}
        nothingFoundMessage={t("filters.noLocation")}
      />
      <TextInput type="date" label={t("filters.from")} value={filters.from} max={filters.to || undefined} onChange={(e) => update({ from: e.currentTarget.value })} w={150} />
      <TextInput type="date" label={t("filters.to")} value={filters.to} min={filters.from || undefined} onChange={(e) => update({ to: e.currentTarget.value })} w={150} />
      <Switch label={t("filters.lateOnly")} checked={filters.late} onChange={(e) => update({ late: e.currentTarget.checked })} color="red" mb={8} />
      {active ? (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => {
            setSearchText("");
            update({ ...defaultFilters, pageSize: filters.pageSize });
          }}
        >
          {t("filters.reset")}
        </Button>
      ) : null}
    </Group>
  );

  return (
    <Panel
      title={t("tableTitle")}
      description={data ? t("summary", { total: data.total }) : t("tableHint")}
      actions={
        <Button
          component="a"
          href={`/hq/orders/export?${exportSearch(filters)}`}
          download
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
          disabled={!data || data.total === 0}
        >
          {t("export")}
        </Button>
      }
    >
      {orders.isError ? (
        <ErrorState title={t("loadFailed")} message={orders.error.message} retryLabel={t("retry")} onRetry={() => void orders.refetch()} />
      ) : (
        <DataTable
          caption={t("tableTitle")}
          columns={columns}
          data={data?.items ?? []}
          getRowId={(row) => row.id}
          loading={orders.isPending || (orders.isFetching && orders.isPlaceholderData)}
          maxHeight="calc(100vh - 360px)"
          toolbar={toolbar}
          columnVisibility={{ hidden, onChange: setHidden }}
          rowTone={(row) => (showsLate(row) ? "danger" : null)}
          onRowClick={(row) => router.push(`/hq/orders/${row.id}`)}
          sorting={{
            value: [{ id: filters.sort.field, desc: filters.sort.desc }],
            onChange: (sort) => {
              const first = sort[0];
              update(first ? { sort: { field: first.id as OrderFilterState["sort"]["field"], desc: first.desc } } : { sort: defaultFilters.sort });
            },
          }}
          pagination={{
            pageIndex: filters.page,
            pageSize: filters.pageSize,
            rowCount: data?.total ?? 0,
            pageSizes,
            onChange: (page) => update({ page: page.pageIndex, pageSize: page.pageSize }, page.pageSize === latest.current.pageSize),
          }}
          labels={{
            loading: tt("loading"),
            pageSize: tt("pageSize"),
            sort: tt("sort"),
            range: (from, to, total) => tt("range", { from, to, total }),
            columns: t("columnsMenu"),
          }}
          empty={
            <EmptyState
              icon={<IconReceipt size={28} aria-hidden />}
              title={active ? t("emptyFiltered") : t("empty")}
              description={active ? t("emptyFilteredHint") : t("emptyHint")}
            />
          }
        />
      )}
    </Panel>
  );
}

/** A moment as two short lines (date, then time) so date columns stay narrow. */
function When({ value, timeZone, locale, late = false }: { value: Date; timeZone: string; locale: string; late?: boolean }) {
  return (
    <Stack gap={0} style={{ whiteSpace: "nowrap" }}>
      <Text size="sm" c={late ? "red.8" : undefined} fw={late ? 600 : undefined}>
        <DateTime value={value} timeZone={timeZone} locale={locale} format="date" />
      </Text>
      <Text size="xs" c={late ? "red.8" : "dimmed"}>
        <DateTime value={value} timeZone={timeZone} locale={locale} format="time" />
      </Text>
    </Stack>
  );
}
