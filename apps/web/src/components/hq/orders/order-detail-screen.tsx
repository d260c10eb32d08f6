"use client";
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { DateTime, ErrorState, Money } from "@oms/ui";
import { IconAlertTriangle, IconArrowLeft, IconMapPin, IconRoute, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useLiveEvents } from "../../../realtime/live-provider.tsx";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import { ResolveTaskModal, type ResolveTarget } from "../tasks/resolve-task-modal.tsx";
import { CancelOrderModal, ChangeAddressModal, RerouteOrderModal, type OrderAction } from "./order-action-modals.tsx";
import { FulfillmentSection, LinesSection, PaymentsSection, ReturnsSection, TasksSection, TimelineSection } from "./order-sections.tsx";
import { RoutingSection } from "./routing-section.tsx";
import { DeliveryTrackingPanel } from "../../fulfillment/delivery-tracking-panel.tsx";
import { orderStatusColor, paymentStatusColor, showsLate, type OrderDetail } from "./shared.ts";

const cancellable = new Set(["DRAFT", "PENDING_VALIDATION", "ON_HOLD", "ALLOCATED", "IN_FULFILLMENT", "PARTIALLY_FULFILLED"]);
const addressChangeable = new Set(["PENDING_VALIDATION", "ON_HOLD", "ALLOCATED", "IN_FULFILLMENT"]);
const reroutable = new Set(["ON_HOLD", "ALLOCATED", "IN_FULFILLMENT", "PARTIALLY_FULFILLED"]);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** HQ › Orders › one order: everything about it, and the commands HQ runs on it. */
export function OrderDetailScreen({ orderId }: { orderId: string }) {
  const t = useTranslations("hqOrders");
  const locale = useLocale();
  const trpc = useTRPC();
  const timeZone = useMemo(() => browserTimeZone(), []);
  // Joins the order's room: any change to it refreshes this page.
  useLiveEvents(undefined, { orderId });
  const query = useQuery(trpc.orders.get.queryOptions({ orderId }));
  const [action, setAction] = useState<OrderAction | null>(null);
  const [resolving, setResolving] = useState<ResolveTarget | null>(null);

  const back = (
    <Anchor component={Link} href="/hq/orders" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={16} aria-hidden />
        {t("detail.back")}
      </Group>
    </Anchor>
  );

  if (query.isPending) {
    return (
      <Stack gap="lg" aria-busy>
        {back}
        <Skeleton height={120} radius="md" />
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Skeleton height={320} radius="md" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Skeleton height={320} radius="md" />
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack gap="lg">
        {back}
        <ErrorState title={t("detail.loadFailed")} message={query.error.message} retryLabel={t("retry")} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  const order: OrderDetail = query.data;
  const shown = { order, timeZone, locale };
  const storeBound = order.routingTrace.request.fulfillmentType === "PICKUP" || order.routingTrace.request.fulfillmentType === "CARRY_OUT";
  const address = order.shippingAddress;
  const late = showsLate(order);

  return (
    <Stack gap="lg">
      {back}
      <Paper withBorder radius="md" p="lg" style={late ? { borderColor: "var(--mantine-color-red-5)" } : undefined}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="md">
            <Stack gap={6}>
              <Group gap="sm">
                <Title order={1} size="h2" ff="monospace">
                  {t("detail.title", { number: order.number })}
                </Title>
                <Badge size="lg" color={orderStatusColor[order.status]} variant="light">
                  {t(`status.${order.status}`)}
                </Badge>
                <Badge size="lg" color={paymentStatusColor[order.paymentStatus]} variant="dot">
                  {t(`payment.${order.paymentStatus}`)}
                </Badge>
                {late ? (
                  <Badge size="lg" color="red" variant="filled" leftSection={<IconAlertTriangle size={14} aria-hidden />}>
                    {t("late")}
                  </Badge>
                ) : null}
              </Group>
              <Text c="dimmed" size="sm">
                {t("detail.subtitle", {
                  channel: t(`channel.${order.channel}`),
                  type: t(`detail.fulfilmentType.${order.routingTrace.request.fulfillmentType}`),
                })}
                {order.externalId ? ` · ${t("detail.externalId", { id: order.externalId })}` : ""}
              </Text>
            </Stack>
            <Group gap="sm">
              {reroutable.has(order.status) ? (
                <Button variant="default" leftSection={<IconRoute size={18} aria-hidden />} onClick={() => setAction("reroute")}>
                  {t("actions.reroute.button")}
                </Button>
              ) : null}
              {!storeBound && addressChangeable.has(order.status) ? (
                <Button variant="default" leftSection={<IconMapPin size={18} aria-hidden />} onClick={() => setAction("address")}>
                  {t("actions.address.button")}
                </Button>
              ) : null}
              {cancellable.has(order.status) ? (
                <Button color="red" variant="light" leftSection={<IconX size={18} aria-hidden />} onClick={() => setAction("cancel")}>
                  {t("actions.cancel.button")}
                </Button>
              ) : null}
            </Group>
          </Group>
          {order.status === "CANCELLED" && order.cancelReason ? (
            <Alert color="gray" variant="light" title={t("detail.cancelled")}>
              {order.cancelReason}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 2, md: 5 }} spacing="lg">
            <Fact label={t("detail.customer")}>
              <Text size="sm" fw={600}>
                {order.customerName ?? t("noCustomer")}
              </Text>
              {order.email ? <Text size="sm">{order.email}</Text> : null}
              {order.phone ? (
                <Text size="sm" c="dimmed">
                  {order.phone}
                </Text>
              ) : null}
            </Fact>
            <Fact label={t("detail.placed")}>
              <DateTime value={order.placedAt} timeZone={timeZone} locale={locale} />
              {order.originLocation ? (
                <Text size="sm" c="dimmed">
                  {t("detail.at", { name: order.originLocation.name })}
                </Text>
              ) : null}
            </Fact>
            <Fact label={t("detail.promised")}>
              {order.promisedAt ? (
                <Text size="sm" c={late ? "red.8" : undefined} fw={late ? 700 : undefined}>
                  <DateTime value={order.promisedAt} timeZone={timeZone} locale={locale} />
                </Text>
              ) : (
                "—"
              )}
            </Fact>
            <Fact label={storeBound ? t("detail.pickupAt") : t("detail.deliverTo")}>
              {storeBound ? (
                (order.fulfillmentOrders[0]?.location.name ?? "—")
              ) : address ? (
                <>
                  <Text size="sm">{address.name}</Text>
                  <Text size="sm" c="dimmed">
                    {[address.line1, address.line2].filter(Boolean).join(", ")}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {[address.postalCode, address.city, address.countryCode].filter(Boolean).join(" ")}
                  </Text>
                </>
              ) : (
                "—"
              )}
            </Fact>
            <Fact label={t("detail.total")}>
              <Text size="xl" fw={700}>
                <Money amount={order.total} currency={order.currency} locale={locale} />
              </Text>
            </Fact>
          </SimpleGrid>
        </Stack>
      </Paper>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <RoutingSection {...shown} />
            <LinesSection {...shown} />
            <FulfillmentSection {...shown} />
            <PaymentsSection {...shown} />
            <ReturnsSection {...shown} />
            <DeliveryTrackingPanel orderId={orderId} locale={locale} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <TasksSection {...shown} onResolve={(task) => setResolving({ id: task.id, title: task.title, instruction: task.instruction })} />
            <TimelineSection {...shown} />
          </Stack>
        </Grid.Col>
      </Grid>

      <CancelOrderModal order={order} opened={action === "cancel"} onClose={() => setAction(null)} />
      <RerouteOrderModal order={order} opened={action === "reroute"} onClose={() => setAction(null)} />
      {action === "address" ? <ChangeAddressModal order={order} opened onClose={() => setAction(null)} /> : null}
      <ResolveTaskModal target={resolving} onClose={() => setResolving(null)} />
    </Stack>
  );
}
