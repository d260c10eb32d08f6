"use client";
import { Badge, Group, Select, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { FulfillmentType, LocationKind, LocationSortField } from "@oms/contracts";
import { EmptyState, Panel, type DataTableColumn, type DataTablePage, type DataTableSort } from "@oms/ui";
import { IconBuildingStore, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { AnchorLink } from "../../links.tsx";
import { QueryTable } from "../query-table.tsx";
import { SegmentedFilter } from "../segmented-filter.tsx";
import { CAPABILITIES, LOCATION_KINDS, type LocationTableRow } from "./shared.ts";

type State = "all" | "active" | "inactive";

/** HQ › Locations: every store, warehouse and supplier, filtered and sorted on the server. */
export function LocationsScreen() {
  const t = useTranslations("hqLocations");
  const tc = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [searchText, setSearchText] = useState("");
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const [kind, setKind] = useState<LocationKind | null>(null);
  const [marketCode, setMarketCode] = useState<string | null>(null);
  const [capability, setCapability] = useState<FulfillmentType | null>(null);
  const [state, setState] = useState<State>("all");
  const [sort, setSort] = useState<DataTableSort>([{ id: "code", desc: false }]);
  const [page, setPage] = useState<DataTablePage>({ pageIndex: 0, pageSize: 25 });
  const resetPage = () => setPage((p) => ({ ...p, pageIndex: 0 }));
  /** A filter's setter that also goes back to the first page. */
  const refilter =
    <V,>(set: (value: V) => void) =>
    (value: V) => {
      set(value);
      resetPage();
    };

  const markets = useQuery(trpc.locations.markets.queryOptions());
  const input = {
    ...(search ? { search } : {}),
    ...(kind ? { kind } : {}),
    ...(marketCode ? { marketCode } : {}),
    ...(capability ? { fulfillmentType: capability } : {}),
    ...(state === "all" ? {} : { active: state === "active" }),
    sort: { field: (sort[0]?.id ?? "code") as LocationSortField, desc: sort[0]?.desc ?? false },
    page: page.pageIndex,
    pageSize: page.pageSize,
  };
  const table = useQuery({ ...trpc.locations.table.queryOptions(input), placeholderData: keepPreviousData });
  const filtered = Boolean(search || kind || marketCode || capability || state !== "all");
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);

  const columns = useMemo<DataTableColumn<LocationTableRow>[]>(
    () => [
      {
        id: "code",
        header: t("columns.code"),
        sortable: true,
        hideable: false,
        cell: (row) => (
          <AnchorLink href={`/hq/locations/${row.id}`} ff="monospace" size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
            {row.code}
          </AnchorLink>
        ),
      },
      {
        id: "name",
        header: t("columns.name"),
        sortable: true,
        cell: (row) => (
          <Text size="sm" fw={500} c={row.active ? undefined : "dimmed"} lineClamp={2} maw={260} title={row.name}>
            {row.name}
          </Text>
        ),
      },
      { id: "kind", header: t("columns.kind"), sortable: true, cell: (row) => tc(`locationKinds.${row.kind}`) },
      { id: "market", header: t("columns.market"), sortable: true, cell: (row) => row.marketName },
      { id: "city", header: t("columns.city"), sortable: true, cell: (row) => `${row.city} (${row.countryCode})` },
      {
        id: "capabilities",
        header: t("columns.capabilities"),
        cell: (row) =>
          row.fulfillmentTypes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("none")}
            </Text>
          ) : (
            <Group gap={4} maw={300}>
              {row.fulfillmentTypes.map((type) => (
                <Badge key={type} size="sm" variant="light" tt="none">
                  {tc(`fulfillmentTypes.${type}`)}
                </Badge>
              ))}
            </Group>
          ),
      },
      {
        id: "capacity",
        header: t("columns.capacity"),
        sortable: true,
        align: "end",
        cell: (row) =>
          row.dailyCapacity === null ? (
            <Text size="sm" c="dimmed">
              {t("noLimit")}
            </Text>
          ) : (
            t("perDay", { count: number.format(row.dailyCapacity) })
          ),
      },
      { id: "staff", header: t("columns.staff"), align: "end", cell: (row) => number.format(row.staffCount) },
      {
        id: "active",
        header: t("columns.active"),
        cell: (row) => (
          <Badge color={row.active ? "teal" : "gray"} variant="light" style={{ minWidth: "max-content" }}>
            {row.active ? t("state.active") : t("state.inactive")}
          </Badge>
        ),
      },
    ],
    [t, tc, number],
  );

  return (
    <Panel title={t("tableTitle")} description={t("tableHint")}>
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t("filters.search")}
          placeholder={t("filters.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          size="md"
          w={260}
          value={searchText}
          onChange={(e) => refilter(setSearchText)(e.currentTarget.value)}
        />
        <Select
          label={t("filters.kind")}
          placeholder={t("filters.any")}
          size="md"
          w={190}
          clearable
          value={kind}
          onChange={(value) => refilter(setKind)(value as LocationKind | null)}
          data={LOCATION_KINDS.map((value) => ({ value, label: tc(`locationKinds.${value}`) }))}
        />
        <Select
          label={t("filters.market")}
          placeholder={t("filters.any")}
          size="md"
          w={190}
          clearable
          value={marketCode}
          onChange={refilter(setMarketCode)}
          data={(markets.data ?? []).map((m) => ({ value: m.code, label: m.name }))}
        />
        <Select
          label={t("filters.capability")}
          placeholder={t("filters.any")}
          size="md"
          w={190}
          clearable
          value={capability}
          onChange={(value) => refilter(setCapability)(value as FulfillmentType | null)}
          data={CAPABILITIES.map((value) => ({ value, label: tc(`fulfillmentTypes.${value}`) }))}
        />
        <SegmentedFilter
          label={t("filters.state")}
          value={state}
          onChange={refilter(setState)}
          data={[
            { value: "all", label: t("filters.all") },
            { value: "active", label: t("state.active") },
            { value: "inactive", label: t("state.inactive") },
          ]}
        />
      </Group>
      <QueryTable
          hiddenColumnsKey="oms-hq-locations-hidden-columns"
        query={table}
        errorTitle={t("loadFailed")}
        caption={t("tableTitle")}
        columns={columns}
        getRowId={(row) => row.id}
        page={page}
        onPageChange={setPage}
        sorting={{
          value: sort,
          onChange: (next) => {
            setSort(next);
            resetPage();
          },
        }}
        onRowClick={(row) => router.push(`/hq/locations/${row.id}`)}
        empty={
          <EmptyState
            icon={<IconBuildingStore size={28} aria-hidden />}
            title={filtered ? t("emptyFiltered") : t("empty")}
            description={filtered ? t("emptyFilteredHint") : t("emptyHint")}
          />
        }
      />
    </Panel>
  );
}
