"use client";
import { Alert, Badge, Button, Card, Group, NativeSelect, NumberInput, Stack, Text, Timeline, Title } from "@mantine/core";
import type { TrackedParcels } from "@oms/contracts";
import { useActionState, useState } from "react";
import { useTranslations } from "use-intl";
import { startTrackingReturn } from "./actions.ts";

const REASONS = ["DOES_NOT_FIT", "CHANGED_MIND", "DAMAGED", "DEFECTIVE", "WRONG_ITEM", "NOT_AS_DESCRIBED", "ARRIVED_LATE", "OTHER"] as const;

/** After the parcel left: tracking history per parcel, delivery proof, returns and starting one. */
export function TrackParcels({ parcels, number, email, locale }: { parcels: TrackedParcels; number: string; email: string; locale: string }) {
  const t = useTranslations("trackParcels");
  const [state, action, pending] = useActionState(startTrackingReturn, null);
  const current = state?.ok && state.order.parcels ? state.order.parcels : parcels;
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const chosen = Object.values(quantities).some((q) => q > 0);

  return (
    <Stack gap="sm">
      {current.deliveries.map((d, i) => (
        <Alert key={`d${i}`} color={d.status === "DELIVERED" ? "green" : d.status === "FAILED" ? "orange" : "blue"} data-testid="delivery-proof">
          {d.status === "DELIVERED" && d.deliveredAt
            ? t("deliveredProof", { time: time(d.deliveredAt), name: d.recipientName ?? "—" })
            : d.status === "FAILED" && d.failedAt
              ? t("deliveryFailed", { time: time(d.failedAt), reason: d.failureReason ?? "—" })
              : t("deliveryOut")}
        </Alert>
      ))}
      {current.shipments.map((s) => (
        <Card key={s.id} withBorder radius="md" padding="sm" data-testid="parcel">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600} size="sm">
              {s.isReturnLabel ? t("returnParcel", { number: s.trackingNumber ?? "—" }) : t("parcel", { number: s.trackingNumber ?? "—" })}
              {s.carrier === "local" ? ` · ${t("localDelivery")}` : ""}
            </Text>
            <Badge variant="light" color={s.status === "DELIVERED" ? "green" : s.status === "FAILED_ATTEMPT" || s.status === "RETURNED" ? "orange" : "blue"}>
              {t(`shipmentStatuses.${s.status as "IN_TRANSIT"}`)}
            </Badge>
          </Group>
          {s.events.length === 0 ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t("noEvents")}
            </Text>
          ) : (
            <Timeline active={0} bulletSize={12} lineWidth={2} mt="sm" aria-label={t("history")}>
              {s.events.map((e, i) => (
                <Timeline.Item key={i} title={<Text size="sm">{t(`eventStatuses.${e.status as "IN_TRANSIT"}`)}{e.detail ? `: ${e.detail}` : ""}</Text>}>
                  <Text size="xs" c="dimmed">
                    {time(e.occurredAt)}
                    {e.location ? ` · ${e.location}` : ""}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Card>
      ))}
      {current.returns.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("returnsTitle")}
          </Title>
          {current.returns.map((r) => (
            <Card key={r.number} withBorder radius="md" padding="sm" data-testid="return">
              <Text fw={600} size="sm">
                {t("returnStatus", { number: r.number, status: t(`returnStatuses.${r.status as "REQUESTED"}`) })}
              </Text>
              <Text size="xs" c="dimmed">
                {r.items.map((i) => `${i.quantity} × ${i.name}`).join(", ")}
              </Text>
              {r.status === "REQUESTED" &&
                r.labels.map((l) =>
                  l.ready ? (
                    <Button key={l.shipmentId} component="a" href={`/track/return-label/${l.shipmentId}`} target="_blank" rel="noopener" mt="xs" variant="light">
                      {t("printLabel")}
                    </Button>
                  ) : (
                    <Text key={l.shipmentId} size="sm" c="dimmed" mt="xs">
                      {t("labelPending")}
                    </Text>
                  ),
                )}
            </Card>
          ))}
        </Stack>
      )}
      {state?.returnMessage && (
        <Alert color={state.returnMessage.ok ? "green" : "red"} role="status">
          {state.returnMessage.ok ? t("returnCreated", { number: state.returnMessage.text }) : t("returnFailed", { message: state.returnMessage.text })}
        </Alert>
      )}
      {current.returnable.length > 0 && (
        <Card withBorder radius="md" padding="sm">
          <form action={action}>
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t("startReturn")}
              </Title>
              <Text size="sm" c="dimmed">
                {t("startReturnHint")}
              </Text>
              <input type="hidden" name="number" value={number} />
              <input type="hidden" name="email" value={email} />
              {current.returnable.map((l) => (
                <Group key={l.orderLineId} align="end" grow wrap="wrap">
                  <NumberInput
                    name={`qty:${l.orderLineId}`}
                    label={t("quantityOf", { name: l.name, max: l.quantity })}
                    min={0}
                    max={l.quantity}
                    value={quantities[l.orderLineId] ?? 0}
                    onChange={(v) => setQuantities((q) => ({ ...q, [l.orderLineId]: Number(v) || 0 }))}
                    allowDecimal={false}
                    allowNegative={false}
                  />
                  <NativeSelect name={`reason:${l.orderLineId}`} label={t("reason")} data={REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))} />
                </Group>
              ))}
              <Button type="submit" loading={pending} disabled={!chosen}>
                {t("submitReturn")}
              </Button>
              {!chosen && (
                <Text size="xs" c="dimmed">
                  {t("nothingChosen")}
                </Text>
              )}
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
