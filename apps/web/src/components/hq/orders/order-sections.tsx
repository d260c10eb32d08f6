"use client";
import { Badge, Button, Group, Paper, Stack, Table, Text, Timeline, Title } from "@mantine/core";
import { DateTime, EmptyState, Money } from "@oms/ui";
import { IconChecklist, IconCircleCheck, IconRobot, IconUser, IconKey } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { fulfillmentStatusColor, type OrderDetail } from "./shared.ts";

interface Shown {
  order: OrderDetail;
  timeZone: string;
  locale: string;
}

/** A titled block of the order page. */
export function Section({ title, count, actions, children }: { title: string; count?: number; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Group gap={8}>
            <Title order={2} size="h4">
              {title}
            </Title>
            {count !== undefined ? (
              <Badge variant="light" color="gray" size="sm">
                {count}
              </Badge>
            ) : null}
          </Group>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** Order lines with ordered / cancelled / fulfilled / returned units and the totals. */
export function LinesSection({ order, locale }: Shown) {
  const t = useTranslations("hqOrders.detail");
  const money = (amount: number) => <Money amount={amount} currency={order.currency} locale={locale} />;
  return (
    <Section title={t("lines")} count={order.lines.length}>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("line.item")}</Table.Th>
              <Table.Th style={{ textAlign: "end" }}>{t("line.ordered")}</Table.Th>
              <Table.Th style={{ textAlign: "end" }}>{t("line.cancelled")}</Table.Th>
              <Table.Th style={{ textAlign: "end" }}>{t("line.fulfilled")}</Table.Th>
              <Table.Th style={{ textAlign: "end" }}>{t("line.returned")}</Table.Th>
              <Table.Th style={{ textAlign: "end" }}>{t("line.unitPrice")}</Table.Th>
              <Table.Th style={{ textAlign: "end" }}>{t("line.total")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.lines.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {line.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {line.sku}
                  </Text>
                </Table.Td>
                <Table.Td style={{ textAlign: "end" }}>{line.quantity}</Table.Td>
                <Table.Td style={{ textAlign: "end" }} c={line.quantityCancelled > 0 ? "red.8" : "dimmed"}>
                  {line.quantityCancelled}
                </Table.Td>
                <Table.Td style={{ textAlign: "end" }} c={line.quantityFulfilled > 0 ? undefined : "dimmed"}>
                  {line.quantityFulfilled}
                </Table.Td>
                <Table.Td style={{ textAlign: "end" }} c={line.quantityReturned > 0 ? undefined : "dimmed"}>
                  {line.quantityReturned}
                </Table.Td>
                <Table.Td style={{ textAlign: "end" }}>{money(line.unitPrice)}</Table.Td>
                <Table.Td style={{ textAlign: "end" }}>{money(line.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            {(
              [
                ["subtotal", order.subtotal],
                ...(order.discountTotal ? [["discount", -order.discountTotal] as const] : []),
                ...(order.shippingTotal ? [["shipping", order.shippingTotal] as const] : []),
                ["tax", order.taxTotal],
              ] as const
            ).map(([key, amount]) => (
              <Table.Tr key={key}>
                <Table.Td colSpan={6} style={{ textAlign: "end" }}>
                  <Text size="sm" c="dimmed">
                    {key === "tax" && order.pricesIncludeTax ? t("taxIncluded") : t(key)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ textAlign: "end" }}>{money(amount)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={6} style={{ textAlign: "end" }}>
                <Text fw={700}>{t("total")}</Text>
              </Table.Td>
              <Table.Td style={{ textAlign: "end" }}>
                <Text fw={700}>{money(order.total)}</Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/** Fulfillment orders: where, how, in what state, which units. */
export function FulfillmentSection({ order, timeZone, locale }: Shown) {
  const t = useTranslations("hqOrders.detail");
  const tf = useTranslations("fulfillmentTypes");
  const ts = useTranslations("hqOrders.fulfillmentStatus");
  const lineName = new Map(order.lines.map((l) => [l.id, l.name]));
  return (
    <Section title={t("fulfillment")} count={order.fulfillmentOrders.length}>
      {order.fulfillmentOrders.length === 0 ? (
        <Dimmed>{t("noFulfillment")}</Dimmed>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fo.number")}</Table.Th>
              <Table.Th>{t("fo.location")}</Table.Th>
              <Table.Th>{t("fo.type")}</Table.Th>
              <Table.Th>{t("fo.status")}</Table.Th>
              <Table.Th>{t("fo.items")}</Table.Th>
              <Table.Th>{t("fo.promised")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.fulfillmentOrders.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {f.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{f.location.name}</Text>
                  <Text size="xs" c="dimmed">
                    {f.location.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{tf(f.type)}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={fulfillmentStatusColor[f.status] ?? "gray"} variant="light" style={{ minWidth: "max-content" }}>
                    {ts(f.status)}
                  </Badge>
                  {f.rejectedReason ? (
                    <Text size="xs" c="red.8" mt={2}>
                      {f.rejectedReason}
                    </Text>
                  ) : null}
                  {f.shipments.map((s) => (
                    <Text key={s.id} size="xs" c="dimmed" mt={2}>
                      {s.carrier} {s.trackingNumber}
                      {s.trackingUrl ? (
                        <>
                          {" · "}
                          <a href={s.trackingUrl} target="_blank" rel="noopener noreferrer">
                            {t("fo.track")}
                          </a>
                        </>
                      ) : null}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {f.lines.map((l) => (
                      <Text key={l.id} size="xs">
                        {l.quantity - l.quantityRejected} × {lineName.get(l.orderLineId) ?? "—"}
                        {l.quantityRejected > 0 ? <Text span c="red.8" size="xs">{` (${t("fo.rejected", { count: l.quantityRejected })})`}</Text> : null}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {f.promisedAt ? <DateTime value={f.promisedAt} timeZone={timeZone} locale={locale} /> : "—"}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** Payments taken and refunds made, in the order's currency. */
export function PaymentsSection({ order, timeZone, locale }: Shown) {
  const t = useTranslations("hqOrders.detail");
  const money = (amount: number, currency: string) => <Money amount={amount} currency={currency} locale={locale} />;
  const when = (d: Date) => <DateTime value={d} timeZone={timeZone} locale={locale} />;
  const rows = [
    ...order.payments.map((p) => ({
      id: p.id,
      kind: t("payments.payment"),
      what: [t(`payments.method.${p.method}`), p.reference].filter(Boolean).join(" · "),
      status: t(`payments.state.${p.status}`),
      amount: money(p.amountCaptured > 0 ? p.amountCaptured : p.amount, p.currency),
      at: p.createdAt,
      negative: false,
    })),
    ...order.refunds.map((r) => ({
      id: r.id,
      kind: t("payments.refund"),
      what: [t(`payments.refundMethod.${r.method}`), r.reason].filter(Boolean).join(" · "),
      status: t(`payments.refundState.${r.status}`),
      amount: money(-r.amount, r.currency),
      at: r.createdAt,
      negative: true,
    })),
  ];
  return (
    <Section title={t("payments.title")} count={rows.length}>
      {rows.length === 0 ? (
        <Dimmed>{t("payments.none")}</Dimmed>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.kind}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {when(row.at)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.what}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={row.negative ? "grape" : "teal"} style={{ minWidth: "max-content" }}>
                    {row.status}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ textAlign: "end" }}>
                  <Text size="sm" fw={500}>
                    {row.amount}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

export function ReturnsSection({ order, timeZone, locale }: Shown) {
  const t = useTranslations("hqOrders.detail");
  const lineName = new Map(order.lines.map((l) => [l.id, l.name]));
  return (
    <Section title={t("returns.title")} count={order.returns.length}>
      {order.returns.length === 0 ? (
        <Dimmed>{t("returns.none")}</Dimmed>
      ) : (
        <Stack gap="xs">
          {order.returns.map((r) => (
            <Group key={r.id} justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={0}>
                <Text size="sm" fw={600} ff="monospace">
                  {r.number}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.location.name} · <DateTime value={r.createdAt} timeZone={timeZone} locale={locale} />
                </Text>
                {r.lines.map((l) => (
                  <Text key={l.id} size="xs">
                    {l.quantity} × {lineName.get(l.orderLineId) ?? "—"}
                  </Text>
                ))}
              </Stack>
              <Stack gap={4} align="flex-end">
                <Badge variant="light">{t(`returns.status.${r.status}`)}</Badge>
                <Text size="sm">
                  <Money amount={r.refundTotal} currency={r.currency} locale={locale} />
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** The order's tasks; open ones can be resolved here. */
export function TasksSection({ order, timeZone, locale, onResolve }: Shown & { onResolve: (task: OrderDetail["tasks"][number]) => void }) {
  const t = useTranslations("hqOrders.detail");
  const tk = useTranslations("hqTasks.kind");
  const roles = useTranslations("roles");
  const open = order.tasks.filter((task) => task.status === "OPEN" || task.status === "IN_PROGRESS");
  const closed = order.tasks.filter((task) => !open.includes(task));
  return (
    <Section title={t("tasks.title")} count={open.length}>
      {open.length === 0 ? (
        <EmptyState icon={<IconCircleCheck size={24} aria-hidden />} title={t("tasks.noneOpen")} description={closed.length > 0 ? t("tasks.closedCount", { count: closed.length }) : undefined} />
      ) : (
        <Stack gap="sm">
          {open.map((task) => (
            <Paper key={task.id} withBorder radius="sm" p="sm" bg="var(--mantine-color-orange-light)">
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>
                      {task.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {tk(task.kind)} · {roles(task.assigneeRole)}
                      {task.location ? ` · ${task.location.name}` : ` · ${t("tasks.hq")}`}
                    </Text>
                  </Stack>
                  <Button
                    size="xs"
                    color="teal"
                    style={{ flexShrink: 0 }}
                    leftSection={<IconChecklist size={14} aria-hidden />}
                    onClick={() => onResolve(task)}
                    aria-label={t("tasks.resolveNamed", { title: task.title })}
                  >
                    {t("tasks.resolve")}
                  </Button>
                </Group>
                <Text size="sm">{task.instruction}</Text>
                <Text size="xs" c="dimmed">
                  {t("tasks.opened")} <DateTime value={task.createdAt} timeZone={timeZone} locale={locale} />
                </Text>
              </Stack>
            </Paper>
          ))}
          {closed.length > 0 ? <Dimmed>{t("tasks.closedCount", { count: closed.length })}</Dimmed> : null}
        </Stack>
      )}
    </Section>
  );
}

const actorIcon = { USER: IconUser, API_KEY: IconKey, SYSTEM: IconRobot } as const;

/** The order's timeline, newest first, with who did it. */
export function TimelineSection({ order, timeZone, locale }: Shown) {
  const t = useTranslations("hqOrders.detail");
  const events = [...order.events].reverse();
  return (
    <Section title={t("timeline")} count={events.length}>
      <Timeline bulletSize={22} lineWidth={2} active={-1}>
        {events.map((event) => {
          const Icon = actorIcon[event.actorKind as keyof typeof actorIcon] ?? IconRobot;
          const who = event.actorKind === "SYSTEM" ? t("actor.system") : (event.actorName ?? t(`actor.${event.actorKind === "API_KEY" ? "apiKey" : "user"}`));
          return (
            <Timeline.Item key={event.id} bullet={<Icon size={12} aria-hidden />}>
              <Text size="sm">{event.message}</Text>
              <Text size="xs" c="dimmed" mt={2}>
                <DateTime value={event.createdAt} timeZone={timeZone} locale={locale} /> · {who}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Section>
  );
}
