"use client";
import { Button, Group, Select, SimpleGrid, Stack, Tabs, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { EmptyState, ErrorState } from "@oms/ui";
import { IconBell, IconListCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { useLiveEvents } from "../../realtime/live-provider.tsx";
import { useTRPC } from "../../trpc/client.tsx";
import { playNewOrderBeep, serverMessage, useNow } from "../pickup/shared.ts";
import { BatchPanel } from "./batch-panel.tsx";
import { BenchCard } from "./bench-card.tsx";
import { OrderPanel } from "./order-panel.tsx";
import { ShipByBadge } from "./ship-by-badge.tsx";
import { benchGroups, type BenchCardData, type BenchGroupKey } from "./shared.ts";

interface BenchScreenProps {
  meId: string;
  homeLocationId: string | null;
  locations: { id: string; name: string; timeZone: string }[];
}

/** /fulfillment: the packing bench of a store or the warehouse. */
export function BenchScreen({ meId, homeLocationId, locations }: BenchScreenProps) {
  const t = useTranslations("fulfillment");
  const [locationId, setLocationId] = useState<string | null>(homeLocationId ?? (locations.length === 1 ? locations[0]!.id : null));
  if (!locationId) {
    return (
      <Stack gap="sm" maw={480}>
        <Text>{t("chooseLocationHint")}</Text>
        <Select size="lg" label={t("chooseLocation")} placeholder={t("chooseLocationPlaceholder")} data={locations.map((s) => ({ value: s.id, label: s.name }))} onChange={setLocationId} searchable />
      </Stack>
    );
  }
  return <Board key={locationId} locationId={locationId} meId={meId} />;
}

type View = { kind: "board" } | { kind: "batch"; ids: string[] } | { kind: "order"; id: string };

function Board({ locationId, meId }: { locationId: string; meId: string }) {
  const t = useTranslations("fulfillment");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(15_000);
  const queue = useQuery({ ...trpc.shipping.queue.queryOptions({ locationId }), refetchInterval: 60_000 });
  const [tab, setTab] = useState<BenchGroupKey>("new");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [view, setView] = useState<View>({ kind: "board" });

  useLiveEvents((event) => {
    if (event.topic === "fulfillment.changed" || event.topic === "order.changed") void queryClient.invalidateQueries(trpc.shipping.pathFilter());
  });

  // New orders arriving while the bench is open: a notification and a beep.
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const fresh = queue.data?.groups.new;
    if (!fresh) return;
    if (seen.current) {
      for (const card of fresh) {
        if (seen.current.has(card.id)) continue;
        notifications.show({ id: `new-ship-${card.id}`, color: "blue", icon: <IconBell size={18} />, title: t("newOrder.title"), message: t("newOrder.message", { number: card.orderNumber, customer: card.customerName ?? "—" }), autoClose: 8000 });
        playNewOrderBeep();
      }
    }
    seen.current = new Set([...(seen.current ?? []), ...fresh.map((c) => c.id)]);
  }, [queue.data, t]);

  const start = useMutation(
    trpc.shipping.startBatch.mutationOptions({
      onSuccess: async (_list, vars) => {
        await queryClient.invalidateQueries(trpc.shipping.pathFilter());
        setSelected(new Set());
        setView({ kind: "batch", ids: vars.fulfillmentOrderIds });
      },
      onError: (e) => notifications.show({ color: "red", message: serverMessage(e) }),
    }),
  );

  if (queue.isError && !queue.data) {
    return <ErrorState title={t("loadFailed")} message={serverMessage(queue.error) ?? ""} retryLabel={t("retry")} onRetry={() => void queue.refetch()} />;
  }
  const data = queue.data;
  const all: BenchCardData[] = data ? benchGroups.flatMap((g) => data.groups[g]) : [];

  if (view.kind === "batch") {
    return <BatchPanel locationId={locationId} ids={view.ids} now={now} onBack={() => setView({ kind: "board" })} onPack={(id) => setView({ kind: "order", id })} />;
  }
  if (view.kind === "order") {
    const card = all.find((c) => c.id === view.id);
    if (card) return <OrderPanel card={card} locationId={locationId} locale={data!.location.locale} now={now} onBack={() => setView({ kind: "board" })} />;
  }

  const selectable = (c: BenchCardData) => c.status === "NEW" || (c.status === "PICKING" && (!c.claimedBy || c.claimedBy.id === meId));
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const open = (c: BenchCardData) => {
    if (c.status === "NEW") start.mutate({ locationId, fulfillmentOrderIds: [c.id] });
    else if (c.status === "PICKING") setView({ kind: "batch", ids: [c.id] });
    else setView({ kind: "order", id: c.id });
  };
  const mineInProgress = data?.groups.picking.filter((c) => c.claimedBy?.id === meId).map((c) => c.id) ?? [];

  return (
    <Stack gap="lg">
      {data && data.carriers.length > 0 ? (
        <Group gap="sm" wrap="wrap" data-testid="carrier-cutoffs">
          {data.carriers.map((c) => (
            <Group key={c.carrier} gap={6}>
              <Text fw={600}>{t("cutoffLabel", { carrier: c.carrier, time: c.cutoffTime })}</Text>
              <ShipByBadge shipBy={c.cutoffToday} late={false} now={now} size="md" />
            </Group>
          ))}
        </Group>
      ) : data ? (
        <Text c="orange.8">{t("noCarriers")}</Text>
      ) : null}
      <Group gap="sm" wrap="wrap">
        <Button size="lg" leftSection={<IconListCheck size={20} aria-hidden />} disabled={selected.size === 0} loading={start.isPending} onClick={() => start.mutate({ locationId, fulfillmentOrderIds: [...selected] })} data-testid="start-batch">
          {t("batch.start", { count: selected.size })}
        </Button>
        {mineInProgress.length > 0 ? (
          <Button size="lg" variant="light" onClick={() => setView({ kind: "batch", ids: mineInProgress })}>
            {t("batch.continue", { count: mineInProgress.length })}
          </Button>
        ) : null}
      </Group>
      <Tabs value={tab} onChange={(v) => v && setTab(v as BenchGroupKey)} variant="pills" radius="md" keepMounted={false}>
        <Tabs.List style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(96px, 1fr))", gap: 6 }}>
          {benchGroups.map((g) => {
            const late = data?.groups[g].some((c) => c.late) ?? false;
            return (
              <Tabs.Tab key={g} value={g} py="xs" px="xs" style={{ minHeight: 64, minWidth: 0 }} data-testid={`tab-${g}`}>
                <Stack gap={0} align="center">
                  <Text fw={600} size="sm" ta="center" lh={1.2} style={{ overflowWrap: "anywhere", whiteSpace: "normal" }}>
                    {t(`groups.${g}`)}
                  </Text>
                  <Text fw={800} size="xl" lh={1.2} c={tab === g ? undefined : late || (g === "problems" && (data?.counts.problems ?? 0) > 0) ? "red.7" : "dimmed"} style={{ fontVariantNumeric: "tabular-nums" }}>
                    {data?.counts[g] ?? "·"}
                  </Text>
                </Stack>
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {benchGroups.map((g) => (
          <Tabs.Panel key={g} value={g} pt="md">
            {data && data.groups[g].length === 0 ? (
              <EmptyState title={t(`empty.${g}`)} />
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                {data?.groups[g].map((card) => (
                  <BenchCard key={card.id} card={card} now={now} meId={meId} selected={selected.has(card.id)} onToggle={selectable(card) ? () => toggle(card.id) : null} onOpen={() => open(card)} />
                ))}
              </SimpleGrid>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
