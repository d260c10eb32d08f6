"use client";
import { Badge, Text } from "@mantine/core";
import { DataTable, DateTime, EmptyState, Panel, type DataTableColumn } from "@oms/ui";
import { IconTruckDelivery } from "@tabler/icons-react";
import { useMemo } from "react";
import { useLocale, useTranslations } from "use-intl";
import { browserTimeZone } from "../../integrations/shared.ts";
import type { VariantStock } from "../inventory/shared.ts";
import { formatNumber } from "../inventory/shared.ts";

type OpenTransfer = VariantStock["openTransfers"][number];

/** The variant page's transfers still on their way (requested or shipped): where an accepted forecast transfer shows. */
export function OpenTransfersPanel({ transfers, loading }: { transfers: OpenTransfer[]; loading: boolean }) {
  const t = useTranslations("hqForecast");
  const tt = useTranslations("table");
  const locale = useLocale();
  const columns = useMemo<DataTableColumn<OpenTransfer>[]>(
    () => [
      { id: "number", header: t("transfers.number"), cell: (row) => <Text size="sm" ff="monospace" fw={600}>{row.number}</Text> },
      { id: "route", header: t("transfers.route"), cell: (row) => t("transfers.fromTo", { from: row.fromLocationName, to: row.toLocationName }) },
      { id: "quantity", header: t("transfers.quantity"), align: "end", cell: (row) => formatNumber(locale, row.quantity) },
      {
        id: "status",
        header: t("transfers.status"),
        cell: (row) => (
          <Badge variant="light" color={row.status === "SHIPPED" ? "blue" : "gray"}>
            {t(row.status === "SHIPPED" ? "transfers.statusName.SHIPPED" : "transfers.statusName.REQUESTED")}
          </Badge>
        ),
      },
      { id: "note", header: t("transfers.note"), cell: (row) => row.note ?? "—" },
      { id: "createdAt", header: t("transfers.created"), cell: (row) => <DateTime value={row.createdAt} timeZone={browserTimeZone()} locale={locale} /> },
    ],
    [t, locale],
  );
  return (
    <Panel title={t("transfers.title")} description={t("transfers.hint")}>
      <DataTable
        caption={t("transfers.title")}
        columns={columns}
        data={transfers}
        getRowId={(row) => row.id}
        loading={loading}
        labels={{ loading: tt("loading"), pageSize: tt("pageSize"), sort: tt("sort"), range: (from, to, total) => tt("range", { from, to, total }) }}
        empty={<EmptyState icon={<IconTruckDelivery size={28} aria-hidden />} title={t("transfers.empty")} />}
      />
    </Panel>
  );
}
