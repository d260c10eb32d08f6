"use client";
import { Select, SimpleGrid, Stack, Tabs, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { EmptyState, ErrorState } from "@oms/ui";
import { IconBell } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { useLiveEvents } from "../../realtime/live-provider.tsx";
import { useTRPC } from "../../trpc/client.tsx";
import { HandoverModal } from "./handover-modal.tsx";
import { HandoverSearch } from "./handover-search.tsx";
import { OrderCard } from "./order-card.tsx";
import { PickPanel } from "./pick-panel.tsx";
import { groupKeys, playNewOrderBeep, serverMessage, useNow, type PickupCardData, type PickupGroupKey } from "./shared.ts";

interface PickupScreenProps {
  meId: string;
  /** The person's own store; null for HQ, who choose one of `stores`. */
  homeLocationId: string | null;
  stores: { id: string; name: string }[];
  timeZone: string;
}

/** /pickup/queue: the store's live pickup board, the pick list of a claimed order, the handover. */
export function PickupScreen({ meId, homeLocationId, stores, timeZone }: PickupScreenProps) {
  const t = useTranslations("pickup");
  const [locationId, setLocationId] = useState<string | null>(homeLocationId ?? (stores.length === 1 ? stores[0]!.id : null));
  if (!locationId) {
    return (
      <Stack gap="sm" maw={480}>
        <Text>{t("chooseStoreHint")}</Text>
        <Select size="lg" label={t("chooseStore")} placeholder={t("chooseStorePlaceholder")} data={stores.map((s) => ({ value: s.id, label: s.name }))} onChange={setLocationId} />
      </Stack>
    );
  }
  return <Board key={locationId} locationId={locationId} meId={meId} timeZone={timeZone} />;
}

function Board({ locationId, meId, timeZone }: { locationId: string; meId: string; timeZone: string }) {
  const t = useTranslations("pickup");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(15_000);
  // Live events refresh the board; a slow poll covers a socket that cannot connect.
  const queue = useQuery({ ...trpc.pickup.queue.queryOptions({ locationId }), refetchInterval: 60_000 });
  const [tab, setTab] = useState<PickupGroupKey>("new");
  const [activeId, setActiveId] = useState<string | null>(null);
  const [handover, setHandover] = useState<{ card: PickupCardData; code: string; viaQr: boolean } | null>(null);
  // Bumped after a handover: the search starts empty for the next customer.
  const [served, setServed] = useState(0);

  useLiveEvents((event) => {
    // A store's socket only hears its own store (HQ hears all): refreshing is cheap enough.
    if (event.topic === "fulfillment.changed" || event.topic === "order.changed") void queryClient.invalidateQueries(trpc.pickup.pathFilter());
  });

  // The new-order cue: ids in "New" that were not there at the previous answer.
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const fresh = queue.data?.groups.new;
    if (!fresh) return;
    if (seen.current) {
      for (const card of fresh) {
        if (seen.current.has(card.id)) continue;
        notifications.show({
          id: `new-pickup-${card.id}`,
          color: "blue",
          icon: <IconBell size={18} />,
          title: t("newOrder.title"),
          message: t("newOrder.message", { number: card.orderNumber, customer: card.customerName ?? "—" }),
          autoClose: 8000,
        });
        playNewOrderBeep();
      }
    }
    seen.current = new Set([...(seen.current ?? []), ...fresh.map((c) => c.id)]);
  }, [queue.data, t]);

  const claim = useMutation(
    trpc.pickup.claim.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.pickup.queue.queryKey() });
        setActiveId(result.fulfillmentOrderId);
      },
      onError: (e) => notifications.show({ color: "red", message: serverMessage(e) }),
    }),
  );

  if (queue.isError && !queue.data) {
    return <ErrorState title={t("loadFailed")} message={serverMessage(queue.error) ?? ""} retryLabel={t("retry")} onRetry={() => void queue.refetch()} />;
  }
  const data = queue.data;
  const active = activeId && data ? groupKeys.flatMap((g) => data.groups[g]).find((c) => c.id === activeId) : undefined;
  if (active && active.group === "picking" && active.claimedBy?.id === meId) {
    return <PickPanel key={active.id} card={active} now={now} onBack={() => setActiveId(null)} />;
  }

  return (
    <Stack gap="lg">
      <HandoverSearch key={served} locationId={locationId} onHandOver={(card, code, viaQr) => setHandover({ card, code, viaQr })} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as PickupGroupKey)} variant="pills" radius="md" keepMounted={false}>
        {/* A grid, not a scrolling row: all five states in one row down to a portrait tablet (820 px with the side menu). */}
        <Tabs.List style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(96px, 1fr))", gap: 6 }}>
          {groupKeys.map((g) => (
            <Tabs.Tab key={g} value={g} py="xs" px="xs" style={{ minHeight: 64, minWidth: 0 }}>
              <Stack gap={0} align="center">
                <Text fw={600} size="sm" ta="center" lh={1.2} style={{ overflowWrap: "anywhere", whiteSpace: "normal" }}>
                  {t(`groups.${g}`)}
                </Text>
                <Text fw={800} size="xl" lh={1.2} c={tab === g ? undefined : g === "problems" && (data?.counts.problems ?? 0) > 0 ? "red.7" : "dimmed"} style={{ fontVariantNumeric: "tabular-nums" }}>
                  {data?.counts[g] ?? "·"}
                </Text>
              </Stack>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {groupKeys.map((g) => (
          <Tabs.Panel key={g} value={g} pt="md">
            {data && data.groups[g].length === 0 ? (
              <EmptyState title={t(`empty.${g}`)} />
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                {data?.groups[g].map((card) => (
                  <OrderCard
                    key={card.id}
                    card={card}
                    now={now}
                    meId={meId}
                    timeZone={timeZone}
                    busy={claim.isPending && claim.variables?.fulfillmentOrderId === card.id}
                    onClaim={(c) => (c.claimedBy?.id === meId ? setActiveId(c.id) : claim.mutate({ fulfillmentOrderId: c.id }))}
                    onHandOver={(c) => setHandover({ card: c, code: "", viaQr: false })}
                  />
                ))}
              </SimpleGrid>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
      <HandoverModal card={handover?.card ?? null} initialCode={handover?.code ?? ""} viaQr={handover?.viaQr ?? false} locale={data?.location.locale ?? "en"} onClose={() => setHandover(null)} onDone={() => (setHandover(null), setServed((n) => n + 1))} />
    </Stack>
  );
}
