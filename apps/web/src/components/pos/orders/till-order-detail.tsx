"use client";
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { dateTimeText, ErrorState, moneyText } from "@oms/ui";
import { IconArrowBackUp, IconArrowLeft, IconPrinter } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { CHANNEL_COLORS, serverMessage, type TillStore } from "./shared.ts";

/**
 * One order at the till: lines with bought / returned / returnable, payments, refunds and
 * earlier returns. Reprint the receipt (the sale screen's receipt page) or start a return.
 */
export function TillOrderDetail({ orderId, store }: { orderId: string; store: TillStore }) {
  const t = useTranslations("posOrders.detail");
  const tc = useTranslations("posOrders");
  const tr = useTranslations("posReturns.lines");
  const trpc = useTRPC();
  const order = useQuery(trpc.returns.tillOrder.queryOptions({ orderId }));

  if (order.isError) {
    return <ErrorState title={t("loadFailed")} message={serverMessage(order.error) ?? ""} retryLabel={t("retry")} onRetry={() => void order.refetch()} />;
  }
  const o = order.data;
  if (!o) {
    return (
      <Group gap="xs" c="dimmed">
        <Loader size="sm" />
        <Text>{t("loading")}</Text>
      </Group>
    );
  }
  const money = (n: number) => moneyText(n, o.currency, store.locale);
  const when = (d: Date | string) => dateTimeText(d, store.timeZone, store.locale);
  const returnable = o.lines.reduce((s, l) => s + l.returnable, 0);
  // Receipts are printed by the store that rang the sale up (its receipt page is store scoped).
  const ownSale = o.channel === "POS" && o.originLocationId === store.id;

  return (
    <Stack gap="md">
      <Anchor component={Link} href="/pos/orders" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t("back")}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1} size="h2">
              {t("title", { number: o.number })}
            </Title>
            <Badge variant="light" color={CHANNEL_COLORS[o.channel] ?? "gray"} tt="none">
              {tc(`channel.${o.channel}`)}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {tc(`status.${o.status}`)}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {[when(o.placedAt), o.originLocationName, o.customerName ?? tc("finder.noCustomer"), o.email, o.phone].filter(Boolean).join(" · ")}
          </Text>
          {o.exchangeFor ? (
            <Text size="sm">
              {t("exchangeFor", { ret: o.exchangeFor.returnNumber })}{" "}
              <Anchor component={Link} href={`/pos/orders/${o.exchangeFor.orderId}`}>
                {o.exchangeFor.orderNumber}
              </Anchor>
            </Text>
          ) : null}
        </Stack>
        <Group gap="sm">
          {ownSale ? (
            <Button component={Link} href={`/pos/sale/receipt/${o.id}`} size="lg" variant="default" leftSection={<IconPrinter size={20} aria-hidden />}>
              {t("reprint")}
            </Button>
          ) : null}
          {returnable > 0 ? (
            <Button component={Link} href={`/pos/returns?order=${o.id}`} size="lg" color="teal" leftSection={<IconArrowBackUp size={20} aria-hidden />}>
              {t("startReturn")}
            </Button>
          ) : (
            <Button size="lg" disabled leftSection={<IconArrowBackUp size={20} aria-hidden />}>
              {t("nothingToReturn")}
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="xs">
          {t("lines")}
        </Title>
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" aria-label={t("lines")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tr("item")}</Table.Th>
                <Table.Th ta="end">{t("unitPrice")}</Table.Th>
                <Table.Th ta="end">{tr("bought")}</Table.Th>
                <Table.Th ta="end">{tr("returned")}</Table.Th>
                <Table.Th ta="end">{tr("returnable")}</Table.Th>
                <Table.Th ta="end">{t("total")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.lines.map((l) => (
                <Table.Tr key={l.orderLineId} data-testid="order-line">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {l.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {l.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="end">{money(l.unitPrice)}</Table.Td>
                  <Table.Td ta="end">{l.bought}</Table.Td>
                  <Table.Td ta="end">{l.returned}</Table.Td>
                  <Table.Td ta="end">{l.returnable}</Table.Td>
                  <Table.Td ta="end">{money(l.lineTotal)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Stack gap={2} maw={320} ms="auto" mt="sm">
          <Sum label={t("subtotal")} value={money(o.subtotal)} />
          {o.discountTotal > 0 ? <Sum label={t("discounts")} value={money(-o.discountTotal)} /> : null}
          {o.shippingTotal > 0 ? <Sum label={t("shipping")} value={money(o.shippingTotal)} /> : null}
          <Sum label={t("tax")} value={money(o.taxTotal)} />
          <Sum label={<b>{t("orderTotal")}</b>} value={<b>{money(o.total)}</b>} />
        </Stack>
      </Paper>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="xs">
            {t("payments")}
          </Title>
          {o.payments.length === 0 ? <Text c="dimmed">{t("noPayments")}</Text> : null}
          <Stack gap="xs">
            {o.payments.map((p) => (
              <Group key={p.id} justify="space-between" wrap="nowrap">
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {t(`paymentMethod.${p.method}`)} · {p.status.toLowerCase().replace(/_/g, " ")}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {when(p.createdAt)}
                    {p.amountRefunded > 0 ? ` · ${t("refunded", { amount: money(p.amountRefunded) })}` : ""}
                  </Text>
                </Stack>
                <Text fw={700}>{money(p.amountCaptured || p.amount)}</Text>
              </Group>
            ))}
          </Stack>
          {o.refunds.length > 0 ? (
            <>
              <Title order={3} size="h5" mt="md" mb="xs">
                {t("refunds")}
              </Title>
              <Stack gap="xs">
                {o.refunds.map((r) => (
                  <Group key={r.id} justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {t(`refundMethod.${r.method}`)}
                      {r.reference && r.method === "STORE_CREDIT" ? ` ${r.reference}` : ""} ·{" "}
                      <Text span c={r.status === "FAILED" ? "red.7" : r.status === "PENDING" ? "blue.7" : undefined} size="sm">
                        {t(`refundStatus.${r.status}`)}
                      </Text>
                    </Text>
                    <Text fw={700}>{money(r.amount)}</Text>
                  </Group>
                ))}
              </Stack>
            </>
          ) : null}
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="xs">
            {t("returns")}
          </Title>
          {o.returns.length === 0 ? <Text c="dimmed">{t("noReturns")}</Text> : null}
          <Stack gap="sm">
            {o.returns.map((r) => (
              <Stack key={r.id} gap={2} data-testid="order-return">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={700}>
                    {r.number} · {r.locationName}
                  </Text>
                  <Text fw={700}>{money(r.refundTotal)}</Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {when(r.createdAt)} · {r.exchangeOrderId ? t("exchange") : t(`refundMethod.${r.refundMethod}`)}
                </Text>
                {r.lines.map((l) => (
                  <Text key={l.orderLineId} size="xs">
                    {l.quantity} × {l.name} · {tr(`reasons.${l.reason}`)} · {tr(`conditions.${l.condition}`)}
                  </Text>
                ))}
                {r.exchangeOrderId ? (
                  <Anchor component={Link} href={`/pos/orders/${r.exchangeOrderId}`} size="xs">
                    {t("viewExchange")}
                  </Anchor>
                ) : null}
              </Stack>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>
      {o.status === "CANCELLED" ? <Alert color="gray">{t("cancelled")}</Alert> : null}
    </Stack>
  );
}

function Sum({ label, value }: { label: ReactNode; value: ReactNode }) {
  return (
    <Group justify="space-between">
      <Text size="sm">{label}</Text>
      <Text size="sm" style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
    </Group>
  );
}
