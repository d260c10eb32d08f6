"use client";
import { Anchor, Badge, Breadcrumbs, Button, Code, Group, Menu, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { DataTable, DateTime, EmptyState, ErrorState, Panel, type DataTableColumn } from "@oms/ui";
import { IconAdjustments, IconArrowsTransferDown, IconChevronDown, IconClipboardList, IconHistory, IconShoppingCartPlus } from "@tabler/icons-react";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import { OpenTransfersPanel } from "../forecast/open-transfers-panel.tsx";
import { PurchaseOrdersScreen } from "./purchase-orders-screen.tsx";
import { formatNumber, type MovementRow, type VariantLocation } from "./shared.ts";
import { StockActionModal, type StockAction, type StockActionTarget } from "./stock-action-modals.tsx";
import { CoverText, StockBadge } from "./stock-cells.tsx";

const kindColor: Record<string, string> = {
  INITIAL: "gray",
  RECEIPT: "teal",
  SALE: "blue",
  SHIPMENT: "blue",
  PICKUP_HANDOVER: "blue",
  ADJUSTMENT: "orange",
  TRANSFER_OUT: "grape",
  TRANSFER_IN: "grape",
  RETURN_RESTOCK: "cyan",
  CYCLE_COUNT: "yellow",
};

/** HQ › Inventory › one variant: its stock at every location, the actions, its ledger and purchase orders. */
export function VariantScreen({ variantId }: { variantId: string }) {
  const t = useTranslations("hqInventory");
  const tt = useTranslations("table");
  const locale = useLocale();
  const trpc = useTRPC();
  const timeZone = useMemo(() => browserTimeZone(), []);
  const [target, setTarget] = useState<StockActionTarget | null>(null);
  const [ledgerLocation, setLedgerLocation] = useState<string | null>(null);
  const stock = useQuery(trpc.inventory.variant.queryOptions({ variantId }));
  const ledger = useInfiniteQuery({
    ...trpc.inventory.variantMovements.infiniteQueryOptions(
      { variantId, ...(ledgerLocation ? { locationId: ledgerLocation } : {}), limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const num = (n: number) => formatNumber(locale, n);
  const sku = stock.data?.variant.sku ?? "";

  const open = (action: StockAction, location: VariantLocation) => setTarget({ action, variantId, sku, location });

  const locationColumns = useMemo<DataTableColumn<VariantLocation>[]>(
    () => [
      {
        id: "location",
        header: t("columns.location"),
        cell: (row) => (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {row.locationName}
            </Text>
            <Text size="xs" c="dimmed">
              {row.locationCode} · {t(`locationKind.${row.locationKind}`)}
              {row.bin ? ` · ${t("bin", { bin: row.bin })}` : ""}
            </Text>
          </Stack>
        ),
      },
      { id: "onHand", header: t("columns.onHand"), align: "end", cell: (row) => num(row.onHand) },
      { id: "reserved", header: t("columns.reserved"), align: "end", cell: (row) => num(row.reserved) },
      {
        id: "available",
        header: t("columns.available"),
        align: "end",
        cell: (row) => (
          <Text size="sm" fw={700} c={row.levelId && row.available === 0 ? "red.8" : row.low ? "orange.8" : undefined}>
            {num(row.available)}
          </Text>
        ),
      },
      { id: "inTransit", header: t("columns.inTransit"), align: "end", cell: (row) => (row.inTransit ? num(row.inTransit) : "—") },
      { id: "safetyStock", header: t("columns.safetyStock"), align: "end", cell: (row) => num(row.safetyStock) },
      { id: "reorderPoint", header: t("columns.reorderPoint"), align: "end", cell: (row) => num(row.reorderPoint) },
      { id: "daysOfCover", header: t("columns.daysOfCover"), align: "end", cell: (row) => <CoverText days={row.daysOfCover} onHand={row.onHand} soldPerDay={row.soldPerDay} /> },
      {
        id: "status",
        header: t("columns.status"),
        width: 150,
        cell: (row) =>
          row.levelId ? (
            <StockBadge onHand={row.onHand} low={row.low} />
          ) : (
            <Badge variant="outline" color="gray">
              {t("badge.notStocked")}
            </Badge>
          ),
      },
      {
        id: "actions",
        header: t("columns.actions"),
        align: "end",
        cell: (row) => (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="light" rightSection={<IconChevronDown size={14} aria-hidden />} aria-label={t("actions.menuFor", { location: row.locationName })}>
                {t("actions.menu")}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconAdjustments size={16} aria-hidden />} onClick={() => open("adjust", row)}>
                {t("actions.adjust")}
              </Menu.Item>
              <Menu.Item leftSection={<IconArrowsTransferDown size={16} aria-hidden />} onClick={() => open("transfer", row)} disabled={row.onHand - row.reserved <= 0}>
                {t("actions.transfer")}
              </Menu.Item>
              <Menu.Item leftSection={<IconClipboardList size={16} aria-hidden />} onClick={() => open("count", row)}>
                {t("actions.count")}
              </Menu.Item>
              <Menu.Item leftSection={<IconShoppingCartPlus size={16} aria-hidden />} onClick={() => open("order", row)}>
                {t("actions.order")}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ),
      },
    ],
    [t, locale, sku],
  );

  const movementColumns = useMemo<DataTableColumn<MovementRow>[]>(
    () => [
      {
        id: "time",
        header: t("ledger.time"),
        cell: (row) => (
          <Text size="sm" style={{ whiteSpace: "nowrap" }}>
            <DateTime value={row.createdAt} timeZone={timeZone} locale={locale} />
          </Text>
        ),
      },
      { id: "location", header: t("columns.location"), cell: (row) => row.locationName },
      {
        id: "kind",
        header: t("ledger.kind"),
        cell: (row) => (
          <Badge variant="light" color={kindColor[row.kind] ?? "gray"}>
            {t(`movementKind.${row.kind}`)}
          </Badge>
        ),
      },
      {
        id: "quantity",
        header: t("ledger.quantity"),
        align: "end",
        cell: (row) => (
          <Text size="sm" fw={700} c={row.quantity < 0 ? "red.8" : "teal.8"}>
            {row.quantity > 0 ? "+" : ""}
            {num(row.quantity)}
          </Text>
        ),
      },
      {
        id: "reason",
        header: t("ledger.reason"),
        cell: (row) => (
          <Stack gap={0} maw={320}>
            {row.reason ? <Text size="sm">{t(`reasons.${row.reason}`)}</Text> : null}
            {row.note ? (
              <Text size="xs" c="dimmed" lineClamp={2} title={row.note}>
                {row.note}
              </Text>
            ) : null}
            {!row.reason && !row.note ? "—" : null}
          </Stack>
        ),
      },
      { id: "by", header: t("ledger.by"), cell: (row) => row.actorName ?? t(`actor.${row.actorKind}`) },
    ],
    [t, locale, timeZone],
  );

  if (stock.isError) {
    return <ErrorState title={t("variant.loadFailed")} message={stock.error.message} retryLabel={t("retry")} onRetry={() => void stock.refetch()} />;
  }
  const data = stock.data;
  const movements = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  const totals = data?.totals;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs>
          <Anchor component={Link} href="/hq/inventory" size="sm">
            {t("title")}
          </Anchor>
          <Text size="sm">{sku || "…"}</Text>
        </Breadcrumbs>
        <Title order={1} size="h2">
          {data ? `${data.variant.productName} · ${data.variant.name}` : t("variant.loading")}
        </Title>
        {data ? (
          <Group gap="xs">
            <Code fz="sm">{data.variant.sku}</Code>
            {data.variant.category ? <Badge variant="outline">{data.variant.category.name}</Badge> : null}
            {data.variant.barcodes.map((code) => (
              <Badge key={code} variant="light" color="gray" ff="monospace">
                {code}
              </Badge>
            ))}
            {data.variant.active ? null : <Badge color="red">{t("variant.inactive")}</Badge>}
          </Group>
        ) : null}
      </Stack>

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
        {(
          [
            ["onHand", totals?.onHand],
            ["reserved", totals?.reserved],
            ["available", totals?.available],
            ["inTransit", totals?.inTransit],
            ["soldPerDay", totals?.soldPerDay],
          ] as const
        ).map(([key, value]) => (
          <Paper key={key} withBorder p="md" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`variant.totals.${key}`)}
            </Text>
            <Text size="xl" fw={700}>
              {value === undefined ? "…" : formatNumber(locale, value, key === "soldPerDay" ? 2 : 0)}
            </Text>
          </Paper>
        ))}
        <Paper withBorder p="md" radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t("variant.totals.daysOfCover")}
          </Text>
          <Text size="xl" fw={700} component="div">
            {totals ? <CoverText size="xl" days={totals.daysOfCover} onHand={totals.onHand} soldPerDay={totals.soldPerDay} /> : "…"}
          </Text>
        </Paper>
      </SimpleGrid>

      <Panel title={t("variant.byLocation")} description={t("variant.byLocationHint")}>
        <DataTable
          caption={t("variant.byLocation")}
          columns={locationColumns}
          data={data?.locations ?? []}
          getRowId={(row) => row.locationId}
          loading={stock.isPending}
          rowTone={(row) => (row.levelId && row.onHand === 0 ? "danger" : row.low ? "warning" : null)}
          labels={{ loading: tt("loading"), pageSize: tt("pageSize"), sort: tt("sort"), range: (from, to, total) => tt("range", { from, to, total }) }}
          empty={<EmptyState title={t("variant.noLocations")} />}
        />
      </Panel>

      <Panel
        title={t("ledger.title")}
        description={t("ledger.hint")}
        actions={
          <Select
            aria-label={t("ledger.locationFilter")}
            placeholder={t("filters.allLocations")}
            data={(data?.locations ?? []).filter((l) => l.levelId).map((l) => ({ value: l.locationId, label: l.locationName }))}
            value={ledgerLocation}
            onChange={setLedgerLocation}
            clearable
            w={240}
          />
        }
      >
        {ledger.isError ? (
          <ErrorState title={t("ledger.loadFailed")} message={ledger.error.message} retryLabel={t("retry")} onRetry={() => void ledger.refetch()} />
        ) : (
          <>
            <DataTable
              caption={t("ledger.title")}
              columns={movementColumns}
              data={movements}
              getRowId={(row) => row.id}
              loading={ledger.isPending || (ledger.isFetching && ledger.isPlaceholderData)}
              maxHeight={520}
              labels={{ loading: tt("loading"), pageSize: tt("pageSize"), sort: tt("sort"), range: (from, to, total) => tt("range", { from, to, total }) }}
              empty={<EmptyState icon={<IconHistory size={28} aria-hidden />} title={t("ledger.empty")} />}
            />
            {ledger.hasNextPage ? (
              <Group justify="center">
                <Button variant="light" loading={ledger.isFetchingNextPage} onClick={() => void ledger.fetchNextPage()}>
                  {t("showMore")}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Panel>

      <OpenTransfersPanel transfers={data?.openTransfers ?? []} loading={stock.isPending} />
      <PurchaseOrdersScreen variantId={variantId} />
      <StockActionModal target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}
