"use client";
import { Alert, Badge, Button, Card, Group, NativeSelect, NumberInput, Stack, Text, Title } from "@mantine/core";
import type { RequestedReturnView } from "@oms/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage } from "../pickup/shared.ts";

const CONDITIONS = ["SELLABLE", "DAMAGED", "QUALITY_CHECK"] as const;

/**
 * HQ order page: the parcels after they left (carrier status and last scan, proof of a
 * local delivery), returns by parcel with their labels, booking a parcel in, and starting
 * a return with a label for the customer.
 */
export function DeliveryTrackingPanel({ orderId, locale }: { orderId: string; locale: string }) {
  const t = useTranslations("orderParcels");
  const tp = useTranslations("trackParcels");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tracking = useQuery(trpc.returnRequests.tracking.queryOptions({ orderId }));
  const returnable = useQuery(trpc.returns.returnableLines.queryOptions({ orderId }));
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const refresh = async () => {
    setError(null);
    await queryClient.invalidateQueries(trpc.returnRequests.tracking.queryFilter({ orderId }));
    await queryClient.invalidateQueries(trpc.returns.returnableLines.queryFilter({ orderId }));
    await queryClient.invalidateQueries(trpc.orders.get.queryFilter());
  };
  const request = useMutation(trpc.returnRequests.request.mutationOptions({ onSuccess: async (r) => { setQuantities({}); await refresh(); if (r.labelError) setError(r.labelError); }, onError: (e) => setError(serverMessage(e)) }));
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  if (tracking.isPending) return null;
  if (tracking.isError) return <Alert color="red">{serverMessage(tracking.error)}</Alert>;
  const data = tracking.data;
  const pending = new Map<string, number>();
  for (const r of data.returns) if (r.status === "REQUESTED" || r.status === "RECEIVED") for (const l of r.lines) pending.set(l.orderLineId, (pending.get(l.orderLineId) ?? 0) + l.quantity);
  const lines = (returnable.data?.lines ?? []).map((l) => ({ ...l, left: l.returnable - (pending.get(l.orderLineId) ?? 0) })).filter((l) => l.left > 0);
  if (data.shipments.length === 0 && data.returns.length === 0 && lines.length === 0) return null;
  const chosen = lines.filter((l) => (quantities[l.orderLineId] ?? 0) > 0);

  return (
    <Card withBorder radius="md" padding="md" data-testid="order-parcels">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("title")}
        </Title>
        {data.shipments.map((s) => {
          const proof = data.deliveries.find((d) => d.fulfillmentOrderId === s.fulfillmentOrderId && d.status === "DELIVERED");
          const last = s.events[0];
          return (
            <Group key={s.id} justify="space-between" wrap="nowrap" align="start">
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {s.isReturnLabel ? tp("returnParcel", { number: s.trackingNumber ?? "—" }) : tp("parcel", { number: s.trackingNumber ?? "—" })} · {s.carrier}
                </Text>
                {last && (
                  <Text size="xs" c="dimmed">
                    {tp(`eventStatuses.${last.status as "IN_TRANSIT"}`)}
                    {last.detail ? `: ${last.detail}` : ""} · {fmt.format(new Date(last.occurredAt))}
                  </Text>
                )}
                {proof?.deliveredAt && (
                  <Text size="xs" c="green">
                    {tp("deliveredProof", { time: fmt.format(new Date(proof.deliveredAt)), name: proof.recipientName ?? "—" })}
                  </Text>
                )}
              </Stack>
              <Badge variant="light">{tp(`shipmentStatuses.${s.status as "IN_TRANSIT"}`)}</Badge>
            </Group>
          );
        })}
        {data.returns.map((r) => (
          <RequestedReturnRow key={r.id} ret={r} onChanged={refresh} onError={setError} />
        ))}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {lines.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t("startReturn")}
            </Text>
            {lines.map((l) => (
              <NumberInput key={l.orderLineId} label={t("quantity", { name: `${l.name} (${l.sku})`, max: l.left })} min={0} max={l.left} allowDecimal={false} allowNegative={false} value={quantities[l.orderLineId] ?? 0} onChange={(v) => setQuantities((q) => ({ ...q, [l.orderLineId]: Number(v) || 0 }))} />
            ))}
            <Button
              variant="light"
              disabled={chosen.length === 0}
              loading={request.isPending}
              onClick={() => request.mutate({ orderId, returnLabel: true, lines: chosen.map((l) => ({ orderLineId: l.orderLineId, quantity: quantities[l.orderLineId]!, reason: "OTHER" })) })}
            >
              {t("issueLabel")}
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function RequestedReturnRow({ ret, onChanged, onError }: { ret: RequestedReturnView; onChanged: () => Promise<void>; onError: (m: string | null) => void }) {
  const t = useTranslations("orderParcels");
  const tp = useTranslations("trackParcels");
  const trpc = useTRPC();
  const [conditions, setConditions] = useState<Record<string, (typeof CONDITIONS)[number]>>({});
  const receive = useMutation(trpc.returnRequests.receive.mutationOptions({ onSuccess: onChanged, onError: (e) => onError(serverMessage(e)) }));
  const label = useMutation(trpc.returnRequests.issueLabel.mutationOptions({ onSuccess: onChanged, onError: (e) => onError(serverMessage(e)) }));
  const open = ret.status === "REQUESTED" || ret.status === "RECEIVED";
  const ready = ret.labels.find((l) => l.ready);
  return (
    <Card withBorder radius="sm" padding="sm" data-testid="requested-return">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {tp("returnStatus", { number: ret.number, status: tp(`returnStatuses.${ret.status}`) })} · {ret.locationName}
          </Text>
          {ready && ret.status === "REQUESTED" && (
            <Button component="a" href={`/track/return-label/${ready.shipmentId}`} target="_blank" rel="noopener" size="xs" variant="subtle">
              {tp("printLabel")}
            </Button>
          )}
        </Group>
        {open &&
          ret.lines.map((l) => (
            <NativeSelect
              key={l.id}
              size="xs"
              label={t("condition", { item: `${l.quantity} × ${l.name}` })}
              value={conditions[l.id] ?? "SELLABLE"}
              onChange={(e) => setConditions((c) => ({ ...c, [l.id]: e.currentTarget.value as (typeof CONDITIONS)[number] }))}
              data={CONDITIONS.map((c) => ({ value: c, label: t(`conditions.${c}`) }))}
            />
          ))}
        {open && (
          <Group gap="xs">
            <Button size="xs" onClick={() => receive.mutate({ returnId: ret.id, lines: ret.lines.map((l) => ({ returnLineId: l.id, condition: conditions[l.id] ?? "SELLABLE" })) })} loading={receive.isPending}>
              {t("bookIn")}
            </Button>
            {ret.status === "REQUESTED" && !ready && (
              <Button size="xs" variant="default" onClick={() => label.mutate({ returnId: ret.id })} loading={label.isPending}>
                {t("issueLabel")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
