"use client";
import { Badge, Group, Text } from "@mantine/core";
import type { LocationSummary } from "@oms/contracts";
import { DataTable, EmptyState, type DataTableColumn, type DataTablePage, type DataTableSort } from "@oms/ui";
import { IconBuildingStore } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslations } from "use-intl";

const pageSizes = [10, 25, 50];

type SortKey = "name" | "code" | "kind" | "city" | "timeZone" | "currency";

/**
 * The network's locations for HQ. The list is small and fully loaded (locations.list), so
 * this component plays the server's part: it sorts and slices what the DataTable asks for.
 */
export function LocationsTable({ locations }: { locations: LocationSummary[] }) {
  const t = useTranslations();
  const [sort, setSort] = useState<DataTableSort>([{ id: "name", desc: false }]);
  const [page, setPage] = useState<DataTablePage>({ pageIndex: 0, pageSize: 10 });

  const columns = useMemo<DataTableColumn<LocationSummary>[]>(
    () => [
      {
        id: "name",
        header: t("overview.fields.name"),
        sortable: true,
        cell: (row) => (
          <Text size="sm" fw={600}>
            {row.name}
          </Text>
        ),
      },
      { id: "code", header: t("overview.fields.code"), sortable: true, cell: (row) => <Text ff="monospace" size="sm">{row.code}</Text> },
      { id: "kind", header: t("overview.fields.kind"), sortable: true, cell: (row) => t(`locationKinds.${row.kind}`) },
      { id: "city", header: t("overview.fields.city"), sortable: true, cell: (row) => `${row.city} (${row.countryCode})` },
      { id: "timeZone", header: t("overview.fields.timeZone"), sortable: true, cell: (row) => row.timeZone },
      { id: "currency", header: t("overview.fields.currency"), sortable: true, cell: (row) => row.currency },
      {
        id: "fulfilment",
        header: t("overview.fields.fulfilment"),
        cell: (row) => (
          <Group gap={4}>
            {row.fulfillmentTypes.map((type) => (
              <Badge key={type} size="xs" variant="light">
                {t(`fulfillmentTypes.${type}`)}
              </Badge>
            ))}
          </Group>
        ),
      },
    ],
    [t],
  );

  const sorted = useMemo(() => {
    const by = (sort[0]?.id ?? "name") as SortKey;
    const direction = sort[0]?.desc ? -1 : 1;
    return [...locations].sort((a, b) => direction * String(a[by]).localeCompare(String(b[by])));
  }, [locations, sort]);
  const rows = sorted.slice(page.pageIndex * page.pageSize, (page.pageIndex + 1) * page.pageSize);

  return (
    <DataTable
      caption={t("overview.hq.locationsTitle")}
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      sorting={{ value: sort, onChange: setSort }}
      pagination={{ ...page, rowCount: locations.length, onChange: setPage, pageSizes }}
      maxHeight={480}
      labels={{
        loading: t("table.loading"),
        pageSize: t("table.pageSize"),
        sort: t("table.sort"),
        range: (from, to, total) => t("table.range", { from, to, total }),
      }}
      empty={
        <EmptyState
          icon={<IconBuildingStore size={28} aria-hidden />}
          title={t("overview.hq.noLocations")}
          description={t("overview.hq.noLocationsHint")}
        />
      }
    />
  );
}
