"use client";
import { BarChart, BarsList } from "@mantine/charts";
import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, ThemeIcon } from "@mantine/core";
import type { AppRouter } from "@oms/api";
import type { Channel, TaskKindAny } from "@oms/contracts";
import { EmptyState, ErrorState, Money, moneyText, PageHeader, Panel } from "@oms/ui";
import { IconAlertTriangle, IconBuildingStore, IconChecklist, IconChevronRight, IconPackage, IconReceipt, IconReportMoney } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useLiveEvents } from "../../../realtime/live-provider.tsx";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import { orderStatusColor } from "../orders/shared.ts";
import { ChangeBadge, FxFootnote } from "../reports/shared.tsx";

type Overview = inferRouterOutputs<AppRouter>["reports"]["overview"];

/**
 * HQ › Overview: today's sales (each location's own today) by channel and by location, open
 * orders by status, late orders, open tasks and low stock. Live: order, fulfilment,
 * inventory and task events make the `reports` queries stale (realtime/topics.ts), so the
 * numbers follow a sale made anywhere without a reload.
 */
export function OverviewScreen() {
  const t = useTranslations("hqOverview");
  const trpc = useTRPC();
  const locale = useLocale();
  const timeZone = useMemo(() => browserTimeZone(), []);
  useLiveEvents();
  // Live events refresh it; the minute poll keeps "today" right across midnight.
  const overview = useQuery({ ...trpc.reports.overview.queryOptions(), refetchInterval: 60_000 });

  const data = overview.data;
  const header = (
    <PageHeader
      title={t("title")}
      intro={t("intro")}
      actions={
        data ? (
          <Badge variant="dot" color={overview.isFetching ? "yellow" : "teal"} size="lg" tt="none" fw={500} data-testid="overview-updated" aria-live="polite">
            {t("updated", { time: new Intl.DateTimeFormat(locale, { timeStyle: "medium", timeZone }).format(data.asOf) })}
          </Badge>
        ) : null
      }
    />
  );
  if (overview.isError && !data) {
    return (
      <Stack gap="lg">
        {header}
        <ErrorState title={t("loadFailed")} message={overview.error.message} retryLabel={t("retry")} onRetry={() => void overview.refetch()} />
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {header}
      {data ? <Kpis data={data} /> : <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>{Array.from({ length: 5 }, (_, i) => <Skeleton key={i} h={112} radius="md" />)}</SimpleGrid>}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Panel title={t("byChannel.title")} description={t("byChannel.description", { currency: data?.fx.currency ?? "" })}>
          {data ? <ChannelChart data={data} /> : <Skeleton h={240} />}
        </Panel>
        <Panel title={t("byLocation.title")} description={t("byLocation.description")}>
          {data ? <LocationBars data={data} /> : <Skeleton h={240} />}
        </Panel>
      </SimpleGrid>
      <Panel
        title={t("locations.title")}
        description={t("locations.description")}
        actions={
          <Anchor component={Link} href="/hq/locations" size="sm">
            {t("locations.manage")}
          </Anchor>
        }
      >
        {data ? <LocationTable data={data} /> : <Skeleton h={160} />}
        {data ? <FxFootnote fx={data.fx} timeZone={timeZone} /> : null}
      </Panel>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
        <Panel title={t("orders.title")} description={t("orders.description")}>
          {data ? <OrdersByStatus data={data} /> : <Skeleton h={200} />}
        </Panel>
        <Panel
          title={t("tasks.title")}
          description={t("tasks.description")}
          actions={
            <Anchor component={Link} href="/hq/tasks" size="sm">
              {t("tasks.all")}
            </Anchor>
          }
        >
          {data ? <TasksByKind data={data} /> : <Skeleton h={200} />}
        </Panel>
        <Panel
          title={t("lowStock.title")}
          description={t("lowStock.description")}
          actions={
            <Anchor component={Link} href="/hq/inventory?stock=LOW" size="sm">
              {t("lowStock.all")}
            </Anchor>
          }
        >
          {data ? <LowStock data={data} /> : <Skeleton h={200} />}
        </Panel>
      </SimpleGrid>
    </Stack>
  );
}

function Kpi({ label, value, hint, icon, href, tone, testId }: { label: string; value: ReactNode; hint?: ReactNode; icon: ReactNode; href?: string; tone?: "danger"; testId: string }) {
  const body = (
    <Paper withBorder p="md" radius="md" h="100%" data-testid={testId} style={tone === "danger" ? { borderColor: "var(--mantine-color-red-4)" } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={4} miw={0}>
          <Text size="sm" c="dimmed" fw={500}>
            {label}
          </Text>
          <Text fz={28} fw={700} lh={1.15} c={tone === "danger" ? "red.8" : undefined} style={{ fontVariantNumeric: "tabular-nums" }} data-testid={`${testId}-value`}>
            {value}
          </Text>
          {hint ? (
            <Group gap={6} wrap="wrap">
              {hint}
            </Group>
          ) : null}
        </Stack>
        <ThemeIcon variant="light" size={38} radius="md" color={tone === "danger" ? "red" : "blue"}>
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
  return href ? (
    <Anchor component={Link} href={href} underline="never" c="inherit" aria-label={label} style={{ display: "block" }}>
      {body}
    </Anchor>
  ) : (
    body
  );
}

function Kpis({ data }: { data: Overview }) {
  const t = useTranslations("hqOverview");
  const locale = useLocale();
  const figures = data.today.totals.figures;
  const yesterday = data.today.yesterday;
  const currency = data.fx.currency;
  const openOrders = data.ordersByStatus.reduce((s, o) => s + o.count, 0);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md">
      <Kpi
        testId="kpi-net"
        label={t("kpi.net")}
        value={<Money amount={figures.net} currency={currency} locale={locale} />}
        icon={<IconReportMoney size={22} aria-hidden />}
        hint={
          <>
            <ChangeBadge current={figures.net} previous={yesterday.net} label={t("kpi.vsYesterday")} />
            <Text size="xs" c="dimmed">
              {t("kpi.yesterday", { amount: moneyText(yesterday.net, currency, locale) })}
            </Text>
          </>
        }
      />
      <Kpi
        testId="kpi-orders"
        label={t("kpi.orders")}
        value={figures.orders.toLocaleString(locale)}
        icon={<IconReceipt size={22} aria-hidden />}
        hint={
          <>
            <ChangeBadge current={figures.orders} previous={yesterday.orders} label={t("kpi.vsYesterday")} />
            <Text size="xs" c="dimmed">
              {figures.averageBasket === null ? t("kpi.noBasket") : t("kpi.basket", { amount: moneyText(figures.averageBasket, currency, locale) })}
            </Text>
          </>
        }
      />
      <Kpi
        testId="kpi-late"
        label={t("kpi.late")}
        value={data.lateOrders.toLocaleString(locale)}
        tone={data.lateOrders > 0 ? "danger" : undefined}
        href="/hq/orders?late=1"
        icon={<IconAlertTriangle size={22} aria-hidden />}
        hint={
          <Text size="xs" c="dimmed">
            {t("kpi.openOrders", { count: openOrders })}
          </Text>
        }
      />
      <Kpi
        testId="kpi-tasks"
        label={t("kpi.tasks")}
        value={data.openTasks.toLocaleString(locale)}
        href="/hq/tasks"
        icon={<IconChecklist size={22} aria-hidden />}
        hint={
          <Text size="xs" c="dimmed">
            {t("kpi.tasksHint")}
          </Text>
        }
      />
      <Kpi
        testId="kpi-low"
        label={t("kpi.lowStock")}
        value={data.lowStock.count.toLocaleString(locale)}
        href="/hq/inventory?stock=LOW"
        icon={<IconPackage size={22} aria-hidden />}
        hint={
          <Text size="xs" c="dimmed">
            {t("kpi.lowStockHint")}
          </Text>
        }
      />
    </SimpleGrid>
  );
}

function ChannelChart({ data }: { data: Overview }) {
  const t = useTranslations("hqOverview");
  const channels = useTranslations("hqOrders.channel");
  const locale = useLocale();
  const currency = data.fx.currency;
  if (data.today.byChannel.length === 0) return <EmptyState icon={<IconReportMoney size={28} aria-hidden />} title={t("noSales")} description={t("noSalesHint")} />;
  const rows = data.today.byChannel.map((r) => ({ channel: channels(r.key as Channel), net: r.figures.net, returns: r.figures.returns }));
  return (
    <BarChart
      h={240}
      data={rows}
      dataKey="channel"
      series={[
        { name: "net", label: t("series.net"), color: "blue.6" },
        { name: "returns", label: t("series.returns"), color: "orange.5" },
      ]}
      valueFormatter={(v) => moneyText(v, currency, locale)}
      withLegend
      maxBarWidth={72}
      yAxisProps={{ width: 90 }}
      aria-label={t("byChannel.title")}
    />
  );
}

function LocationBars({ data }: { data: Overview }) {
  const t = useTranslations("hqOverview");
  const locale = useLocale();
  const currency = data.fx.currency;
  const rows = data.today.byLocation.filter((r) => r.figures.net !== 0 || r.figures.gross !== 0);
  if (rows.length === 0) return <EmptyState icon={<IconBuildingStore size={28} aria-hidden />} title={t("noSales")} description={t("noSalesHint")} />;
  return (
    <BarsList
      data={rows.slice(0, 8).map((r) => ({ name: r.label || t("noLocation"), value: Math.max(0, r.figures.net) }))}
      valueFormatter={(v) => moneyText(v, currency, locale)}
      barsLabel={t("byLocation.location")}
      valueLabel={t("byLocation.net", { currency })}
      barColor="teal.2"
    />
  );
}

function LocationTable({ data }: { data: Overview }) {
  const t = useTranslations("hqOverview");
  const locale = useLocale();
  const currency = data.fx.currency;
  if (data.today.byLocation.length === 0) return <EmptyState icon={<IconBuildingStore size={28} aria-hidden />} title={t("noSales")} description={t("noSalesHint")} />;
  const total = data.today.totals.figures;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="overview-locations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("locations.location")}</Table.Th>
            <Table.Th ta="end">{t("locations.local")}</Table.Th>
            <Table.Th ta="end">{t("locations.converted", { currency })}</Table.Th>
            <Table.Th ta="end">{t("locations.returns", { currency })}</Table.Th>
            <Table.Th ta="end">{t("locations.orders")}</Table.Th>
            <Table.Th ta="end">{t("locations.units")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.today.byLocation.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {row.label || t("noLocation")}
                </Text>
                {row.detail ? (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {row.detail}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="end">
                <Stack gap={0} align="flex-end">
                  {row.local.map((l) => (
                    <Money key={l.currency} amount={l.net} currency={l.currency} locale={locale} />
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td ta="end" fw={600}>
                <Money amount={row.figures.net} currency={currency} locale={locale} />
              </Table.Td>
              <Table.Td ta="end">
                <Money amount={row.figures.returns} currency={currency} locale={locale} />
              </Table.Td>
              <Table.Td ta="end">{row.figures.orders.toLocaleString(locale)}</Table.Td>
              <Table.Td ta="end">{row.figures.units.toLocaleString(locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t("locations.total")}</Table.Th>
            <Table.Th />
            <Table.Th ta="end">
              <Money amount={total.net} currency={currency} locale={locale} />
            </Table.Th>
            <Table.Th ta="end">
              <Money amount={total.returns} currency={currency} locale={locale} />
            </Table.Th>
            <Table.Th ta="end">{total.orders.toLocaleString(locale)}</Table.Th>
            <Table.Th ta="end">{total.units.toLocaleString(locale)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

function CountRow({ href, label, count, color }: { href: string; label: string; count: number; color: string }) {
  const locale = useLocale();
  return (
    <Anchor component={Link} href={href} underline="never" c="inherit" py={6} px="xs" style={{ borderRadius: 6, display: "block" }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Badge color={color} variant="light" size="sm" style={{ flexShrink: 0 }}>
            {count.toLocaleString(locale)}
          </Badge>
          <Text size="sm" truncate="end">
            {label}
          </Text>
        </Group>
        <IconChevronRight size={16} aria-hidden style={{ flexShrink: 0, opacity: 0.5 }} />
      </Group>
    </Anchor>
  );
}

function OrdersByStatus({ data }: { data: Overview }) {
  const statuses = useTranslations("hqOrders.status");
  const t = useTranslations("hqOverview");
  return (
    <Stack gap={2}>
      {data.ordersByStatus.map((s) => (
        <CountRow key={s.status} href={`/hq/orders?status=${s.status}`} label={statuses(s.status)} count={s.count} color={s.count > 0 ? orderStatusColor[s.status] : "gray"} />
      ))}
      <CountRow href="/hq/orders?late=1" label={t("orders.late")} count={data.lateOrders} color={data.lateOrders > 0 ? "red" : "gray"} />
    </Stack>
  );
}

function TasksByKind({ data }: { data: Overview }) {
  const t = useTranslations("hqOverview");
  const kinds = useTranslations("hqTasks.kind");
  if (data.tasksByKind.length === 0) return <EmptyState icon={<IconChecklist size={28} aria-hidden />} title={t("tasks.none")} description={t("tasks.noneHint")} />;
  return (
    <Stack gap={2}>
      {data.tasksByKind.map((k) => (
        <CountRow key={k.kind} href="/hq/tasks" label={kinds(k.kind as TaskKindAny)} count={k.count} color="blue" />
      ))}
    </Stack>
  );
}

function LowStock({ data }: { data: Overview }) {
  const t = useTranslations("hqOverview");
  const locale = useLocale();
  if (data.lowStock.top.length === 0) return <EmptyState icon={<IconPackage size={28} aria-hidden />} title={t("lowStock.none")} description={t("lowStock.noneHint")} />;
  return (
    <Stack gap={2}>
      {data.lowStock.top.map((a) => (
        <Anchor key={`${a.variantId}:${a.locationId}`} component={Link} href={`/hq/inventory/${a.variantId}`} underline="never" c="inherit" py={6} px="xs" style={{ display: "block" }}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={500} truncate="end">
                {a.productName} · {a.variantName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                <span style={{ fontFamily: "var(--mantine-font-family-monospace)" }}>{a.sku}</span> · {a.locationName}
              </Text>
            </Stack>
            <Badge color={a.available === 0 ? "red" : "orange"} variant="light" tt="none" style={{ flexShrink: 0 }}>
              {t("lowStock.level", { available: a.available.toLocaleString(locale), threshold: a.threshold.toLocaleString(locale) })}
            </Badge>
          </Group>
        </Anchor>
      ))}
    </Stack>
  );
}
