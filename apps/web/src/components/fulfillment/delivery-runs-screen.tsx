"use client";
import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { DeliverableOrderView, DeliveryRunView } from "@oms/contracts";
import { EmptyState, ErrorState } from "@oms/ui";
import { IconArrowDown, IconArrowUp, IconTruckDelivery, IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useLiveEvents } from "../../realtime/live-provider.tsx";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage } from "../pickup/shared.ts";

type Location = { id: string; name: string; timeZone: string; locale: string };

/** /fulfillment/deliveries: plan a driver's run from packed DELIVERY orders; the runs of the store. */
export function DeliveryRunsScreen({ homeLocationId, locations }: { homeLocationId: string | null; locations: Location[] }) {
  const t = useTranslations("deliveryRuns");
  const [locationId, setLocationId] = useState<string | null>(homeLocationId ?? (locations.length === 1 ? locations[0]!.id : null));
  const tf = useTranslations("fulfillment");
  if (!locationId) {
    return <Select size="lg" maw={480} label={tf("chooseLocation")} placeholder={tf("chooseLocationPlaceholder")} data={locations.map((s) => ({ value: s.id, label: s.name }))} onChange={setLocationId} searchable aria-label={t("title")} />;
  }
  const location = locations.find((l) => l.id === locationId) ?? { id: locationId, name: "", timeZone: "UTC", locale: "en" };
  return <DeliveryRuns key={locationId} location={location} />;
}

function DeliveryRuns({ location }: { location: Location }) {
  const t = useTranslations("deliveryRuns");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deliverable = useQuery(trpc.deliveryRuns.deliverable.queryOptions({ locationId: location.id }));
  const runs = useQuery(trpc.deliveryRuns.list.queryOptions({ locationId: location.id }));
  const [stops, setStops] = useState<string[]>([]);
  const [driverName, setDriverName] = useState("");
  const [error, setError] = useState<string | null>(null);
  useLiveEvents((event) => {
    if (event.topic === "fulfillment.changed") void queryClient.invalidateQueries(trpc.deliveryRuns.pathFilter());
  });
  const plan = useMutation(
    trpc.deliveryRuns.plan.mutationOptions({
      onSuccess: async (run) => {
        setError(null);
        setStops([]);
        notifications.show({ color: "teal", message: `${t("runTitle", { number: run.number })}: ${t("statuses.PLANNED")}` });
        await queryClient.invalidateQueries(trpc.deliveryRuns.pathFilter());
      },
      onError: (e) => setError(serverMessage(e)),
    }),
  );
  const fmt = new Intl.DateTimeFormat(location.locale, { dateStyle: "medium", timeStyle: "short", timeZone: location.timeZone });
  const byId = new Map((deliverable.data ?? []).map((o) => [o.fulfillmentOrderId, o]));
  const toggle = (id: string) => setStops((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const move = (i: number, d: -1 | 1) =>
    setStops((s) => {
      const next = [...s];
      const j = i + d;
      if (j < 0 || j >= next.length) return s;
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("plan")}
        </Title>
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Text fw={600}>{t("deliverable")}</Text>
            {deliverable.isPending ? (
              <Loader size="sm" aria-label={t("deliverable")} />
            ) : deliverable.isError ? (
              <ErrorState title={t("loadError")} message={serverMessage(deliverable.error) ?? ""} retryLabel={t("retry")} onRetry={() => void deliverable.refetch()} />
            ) : deliverable.data.length === 0 ? (
              <EmptyState title={t("noDeliverable")} icon={<IconTruckDelivery aria-hidden />} />
            ) : (
              deliverable.data.map((o) => <DeliverableRow key={o.fulfillmentOrderId} order={o} checked={stops.includes(o.fulfillmentOrderId)} onToggle={() => toggle(o.fulfillmentOrderId)} fmt={fmt} />)
            )}
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              plan.mutate({ locationId: location.id, driverName, fulfillmentOrderIds: stops.filter((id) => byId.has(id)) });
            }}
          >
            <Stack gap="sm">
              <TextInput label={t("driver")} placeholder={t("driverPlaceholder")} value={driverName} onChange={(e) => setDriverName(e.currentTarget.value)} maxLength={120} size="md" required />
              <Text size="sm" c="dimmed">
                {t("selectedStops", { count: stops.length })}
              </Text>
              <Stack gap={6} data-testid="planned-stops">
                {stops.map((id, i) => {
                  const o = byId.get(id);
                  if (!o) return null;
                  return (
                    <Group key={id} justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" style={{ flex: 1 }}>
                        {i + 1}. {o.customerName ?? o.orderNumber} · {o.address}
                      </Text>
                      <ActionIcon variant="subtle" size="lg" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t("moveUp", { sequence: i + 1 })}>
                        <IconArrowUp size={18} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" size="lg" onClick={() => move(i, 1)} disabled={i === stops.length - 1} aria-label={t("moveDown", { sequence: i + 1 })}>
                        <IconArrowDown size={18} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" size="lg" onClick={() => toggle(id)} aria-label={t("removeStop", { sequence: i + 1 })}>
                        <IconX size={18} />
                      </ActionIcon>
                    </Group>
                  );
                })}
              </Stack>
              {error && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              <Button type="submit" size="md" loading={plan.isPending} disabled={stops.length === 0 || driverName.trim() === ""}>
                {t("createRun")}
              </Button>
            </Stack>
          </form>
        </Card>
      </Stack>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("runs")}
        </Title>
        {runs.isPending ? (
          <Loader size="sm" aria-label={t("runs")} />
        ) : runs.isError ? (
          <ErrorState title={t("loadError")} message={serverMessage(runs.error) ?? ""} retryLabel={t("retry")} onRetry={() => void runs.refetch()} />
        ) : runs.data.length === 0 ? (
          <EmptyState title={t("noRuns")} icon={<IconTruckDelivery aria-hidden />} />
        ) : (
          runs.data.map((run) => <RunCard key={run.id} run={run} fmt={fmt} />)
        )}
      </Stack>
    </SimpleGrid>
  );
}

function DeliverableRow({ order, checked, onToggle, fmt }: { order: DeliverableOrderView; checked: boolean; onToggle: () => void; fmt: Intl.DateTimeFormat }) {
  const t = useTranslations("deliveryRuns");
  return (
    <Card withBorder radius="sm" padding="xs" data-testid="deliverable">
      <Checkbox
        size="md"
        checked={checked}
        onChange={onToggle}
        aria-label={t("addStop", { number: order.fulfillmentNumber })}
        label={
          <Stack gap={0}>
            <Text fw={600} size="sm">
              {order.fulfillmentNumber} · {order.customerName ?? order.orderNumber}
            </Text>
            <Text size="sm">{order.address}</Text>
            <Text size="xs" c="dimmed">
              {t("items", { count: order.items })}
              {order.promisedAt ? ` · ${t("promised", { date: fmt.format(new Date(order.promisedAt)) })}` : ""}
            </Text>
            {order.lastFailure && (
              <Text size="xs" c="orange">
                {t("secondAttempt", { reason: order.lastFailure })}
              </Text>
            )}
          </Stack>
        }
      />
    </Card>
  );
}

function RunCard({ run, fmt }: { run: DeliveryRunView; fmt: Intl.DateTimeFormat }) {
  const t = useTranslations("deliveryRuns");
  const active = run.stops.filter((s) => s.status !== "REMOVED");
  const color = run.status === "OUT" ? "blue" : run.status === "COMPLETED" ? "green" : run.status === "CANCELLED" ? "gray" : "yellow";
  return (
    <Card withBorder radius="md" padding="md" data-testid="run-card">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Text fw={700}>{t("runTitle", { number: run.number })}</Text>
          <Text size="sm" c="dimmed">
            {t("runMeta", { driver: run.driverName, stops: active.length })} · {fmt.format(new Date(run.startedAt ?? run.createdAt))}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Badge color={color} variant="light">
            {t(`statuses.${run.status}`)}
          </Badge>
          <Button component={Link} href={`/fulfillment/deliveries/${run.id}`} variant="light" size="sm">
            {t("open")}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
