"use client";
import { Badge, Button, Group, MultiSelect, Select, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { DataTable, DateTime, EmptyState, ErrorState, Money, Panel, type DataTableColumn } from "@oms/ui";
import { IconPackageImport, IconTruckLoading } from "@tabler/icons-react";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone, readServerError } from "../../integrations/shared.ts";
import { ReceivePurchaseOrderModal } from "./receive-purchase-order-modal.tsx";
import { formatNumber, type PurchaseOrderRow } from "./shared.ts";

const statuses = ["DRAFT", "ORDERED", "PARTIALLY_RECEIVED", "RECEIVED", "CANCELLED"] as const;
type Status = (typeof statuses)[number];
const statusColor: Record<Status, string> = { DRAFT: "gray", ORDERED: "blue", PARTIALLY_RECEIVED: "orange", RECEIVED: "teal", CANCELLED: "gray" };

export function PoStatusBadge({ status }: { status: Status }) {
  const t = useTranslations("hqInventory");
  return (
    <Badge variant="light" color={statusColor[status]}>
      {t(`poStatus.${status}`)}
    </Badge>
  );
}

/** HQ › Inventory › Purchase orders: what was ordered from suppliers, received in full or in part. */
export function PurchaseOrdersScreen({ variantId }: { variantId?: string }) {
  const t = useTranslations("hqInventory");
  const tt = useTranslations("table");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = useMemo(() => browserTimeZone(), []);
  const [status, setStatus] = useState<Status[]>(variantId ? [] : ["DRAFT", "ORDERED", "PARTIALLY_RECEIVED"]);
  const [locationId, setLocationId] = useState<string | null>(null);
  const [receiving, setReceiving] = useState<string | null>(null);
  const locations = useQuery({ ...trpc.locations.list.queryOptions(), enabled: !variantId });
  const input = { ...(status.length ? { status } : {}), ...(locationId ? { locationId } : {}), ...(variantId ? { variantId } : {}), limit: 25 };
  const list = useInfiniteQuery({
    ...trpc.inventory.purchaseOrders.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.inventory.purchaseOrders.pathKey() });
  const onError = (error: unknown) => notifications.show({ color: "red", message: readServerError(error).message ?? t("actions.failed") });
  const markOrdered = useMutation(trpc.inventory.markPurchaseOrderOrdered.mutationOptions({ onSuccess: refresh, onError }));
  const cancel = useMutation(trpc.inventory.cancelPurchaseOrder.mutationOptions({ onSuccess: refresh, onError }));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const columns = useMemo<DataTableColumn<PurchaseOrderRow>[]>(
    () => [
      { id: "number", header: t("po.number"), cell: (row) => <Text size="sm" ff="monospace" fw={600}>{row.number}</Text> },
      { id: "supplier", header: t("po.supplier"), cell: (row) => row.supplierName },
      { id: "location", header: t("columns.location"), cell: (row) => row.location.name },
      { id: "status", header: t("columns.status"), cell: (row) => <PoStatusBadge status={row.status} /> },
      {
        id: "units",
        header: t("po.units"),
        align: "end",
        cell: (row) => t("po.unitsValue", { received: formatNumber(locale, row.unitsReceived), ordered: formatNumber(locale, row.unitsOrdered) }),
      },
      { id: "total", header: t("po.total"), align: "end", cell: (row) => <Money amount={row.totalCost} currency={row.currency} locale={locale} /> },
      {
        id: "created",
        header: t("po.created"),
        cell: (row) => (
          <Text size="sm" style={{ whiteSpace: "nowrap" }}>
            <DateTime value={row.createdAt} timeZone={timeZone} locale={locale} />
          </Text>
        ),
      },
      {
        id: "actions",
        header: t("columns.actions"),
        align: "end",
        cell: (row) => (
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            {row.status === "DRAFT" ? (
              <Button size="xs" variant="light" loading={markOrdered.isPending && markOrdered.variables?.purchaseOrderId === row.id} onClick={() => markOrdered.mutate({ purchaseOrderId: row.id })}>
                {t("po.markOrdered")}
              </Button>
            ) : null}
            {row.status === "ORDERED" || row.status === "PARTIALLY_RECEIVED" ? (
              <Button size="xs" color="teal" leftSection={<IconTruckLoading size={14} aria-hidden />} onClick={() => setReceiving(row.id)} aria-label={t("po.receiveNamed", { number: row.number })}>
                {t("po.receive")}
              </Button>
            ) : null}
            {(row.status === "DRAFT" || row.status === "ORDERED") && row.unitsReceived === 0 ? (
              <Button size="xs" variant="subtle" color="red" loading={cancel.isPending && cancel.variables?.purchaseOrderId === row.id} onClick={() => cancel.mutate({ purchaseOrderId: row.id })}>
                {t("po.cancel")}
              </Button>
            ) : null}
          </Group>
        ),
      },
    ],
    [t, locale, timeZone, markOrdered, cancel],
  );

  const toolbar = variantId ? null : (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <MultiSelect
        label={t("po.statusFilter")}
        placeholder={status.length === 0 ? t("po.anyStatus") : undefined}
        data={statuses.map((value) => ({ value, label: t(`poStatus.${value}`) }))}
        value={status}
        onChange={(value) => setStatus(value as Status[])}
        clearable
        w={340}
      />
      <Select
        label={t("filters.locations")}
        placeholder={t("filters.allLocations")}
        data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={locationId}
        onChange={setLocationId}
        searchable
        clearable
        w={240}
      />
    </Group>
  );

  return (
    <Panel title={variantId ? t("po.forVariant") : t("po.title")} description={variantId ? t("po.forVariantHint") : t("po.hint")}>
      {list.isError ? (
        <ErrorState title={t("po.loadFailed")} message={list.error.message} retryLabel={t("retry")} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <DataTable
            caption={t("po.title")}
            columns={columns}
            data={rows}
            getRowId={(row) => row.id}
            loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
            toolbar={toolbar}
            labels={{ loading: tt("loading"), pageSize: tt("pageSize"), sort: tt("sort"), range: (from, to, total) => tt("range", { from, to, total }) }}
            empty={<EmptyState icon={<IconPackageImport size={28} aria-hidden />} title={t("po.empty")} description={variantId ? t("po.emptyVariantHint") : t("po.emptyHint")} />}
          />
          {list.hasNextPage ? (
            <Group justify="center">
              <Button variant="light" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t("showMore")}
              </Button>
            </Group>
          ) : null}
        </>
      )}
      <ReceivePurchaseOrderModal purchaseOrderId={receiving} onClose={() => setReceiving(null)} />
    </Panel>
  );
}
