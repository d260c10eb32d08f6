"use client";
import { Alert, Badge, Button, Card, Group, Paper, Progress, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconArrowLeft, IconBarcode, IconMapPin, IconPackage, IconQuestionMark } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage } from "../pickup/shared.ts";
import { ShortPickModal } from "../pickup/short-pick-modal.tsx";
import { ShipByBadge } from "./ship-by-badge.tsx";
import type { BenchCardData } from "./shared.ts";

type Line = BenchCardData["lines"][number];

/**
 * Several orders picked in one walk: the pick list merged by item and sorted by bin. Each
 * scan (or typed SKU + Enter) confirms one unit on the server, which puts it on the most
 * urgent order that still needs it. "Can't find" opens the pickup screen's short-pick choice
 * for one order's line. An order whose units are all counted can be packed.
 */
export function BatchPanel({ locationId, ids, now, onBack, onPack }: { locationId: string; ids: string[]; now: Date; onBack: () => void; onPack: (id: string) => void }) {
  const t = useTranslations("fulfillment");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { locationId, fulfillmentOrderIds: ids };
  const list = useQuery(trpc.shipping.pickList.queryOptions(input));
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [short, setShort] = useState<{ card: BenchCardData; line: Line; missing: number } | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    scanRef.current?.focus();
  }, []);

  const scan = useMutation(
    trpc.shipping.scan.mutationOptions({
      onSuccess: async (r) => {
        setMessage({ ok: true, text: t("batch.scanned", { name: r.name, number: r.number, picked: r.quantityPicked, needed: r.quantity }) });
        await queryClient.invalidateQueries(trpc.shipping.pathFilter());
      },
      onError: (e) => setMessage({ ok: false, text: serverMessage(e) ?? "" }),
      onSettled: () => scanRef.current?.focus(),
    }),
  );

  const data = list.data;
  const orders = data?.orders.filter((o) => ids.includes(o.id)) ?? [];
  const total = data?.entries.reduce((s, e) => s + e.quantity, 0) ?? 0;
  const picked = data?.entries.reduce((s, e) => s + Math.min(e.quantity, e.quantityPicked), 0) ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Button variant="subtle" size="lg" leftSection={<IconArrowLeft size={20} aria-hidden />} onClick={onBack}>
          {t("back")}
        </Button>
      </Group>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t("batch.title", { count: ids.length })}
          </Title>
          <Progress value={total ? (100 * picked) / total : 0} size="xl" radius="xl" aria-label={t("batch.progress", { picked, total })} />
          <Text>{t("batch.progress", { picked, total })}</Text>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const value = code.trim();
              setCode("");
              if (value) scan.mutate({ ...input, code: value });
            }}
          >
            <TextInput
              ref={scanRef}
              size="xl"
              label={t("batch.scanLabel")}
              description={t("batch.scanHint")}
              leftSection={<IconBarcode size={24} aria-hidden />}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              autoComplete="off"
              data-testid="batch-scan"
            />
          </form>
          {message ? (
            <Alert color={message.ok ? "teal" : "red"} variant="light" role={message.ok ? "status" : "alert"} data-testid="scan-result">
              {message.text}
            </Alert>
          ) : null}
        </Stack>
      </Paper>

      {list.isError ? <Alert color="red">{serverMessage(list.error)}</Alert> : null}
      {data && data.entries.length === 0 ? <Alert color="gray">{t("batch.nothing")}</Alert> : null}

      <Stack gap="sm" data-testid="pick-list">
        {data?.entries.map((entry) => {
          const done = entry.quantityPicked >= entry.quantity;
          return (
            <Card key={`${entry.variantId}-${entry.bin}`} withBorder radius="md" padding="md" style={done ? { opacity: 0.7, background: "var(--mantine-color-teal-0)" } : undefined} data-testid={`pick-entry-${entry.sku}`}>
              <Group justify="space-between" wrap="wrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <IconMapPin size={18} aria-hidden />
                    <Text fw={800} size="lg">
                      {entry.bin ? t("batch.bin", { bin: entry.bin }) : t("batch.noBin")}
                    </Text>
                  </Group>
                  <Text fw={600}>{entry.name}</Text>
                  <Text size="sm" c="dimmed" ff="monospace">
                    {entry.sku}
                  </Text>
                </Stack>
                <Badge size="xl" color={done ? "teal" : "blue"} variant={done ? "filled" : "light"} style={{ fontVariantNumeric: "tabular-nums" }}>
                  {entry.quantityPicked} / {entry.quantity}
                </Badge>
              </Group>
              <Stack gap={4} mt="xs">
                {entry.items.map((item) => {
                  const card = orders.find((o) => o.id === item.fulfillmentOrderId);
                  const line = card?.lines.find((l) => l.id === item.fulfillmentOrderLineId);
                  return (
                    <Group key={item.fulfillmentOrderLineId} justify="space-between" wrap="nowrap">
                      <Text size="sm">{t("batch.forOrder", { number: card?.orderNumber ?? item.number, picked: item.quantityPicked, needed: item.quantity })}</Text>
                      {card && line && item.quantityPicked < item.quantity ? (
                        <Button size="sm" variant="subtle" color="orange" leftSection={<IconQuestionMark size={16} aria-hidden />} onClick={() => setShort({ card, line, missing: item.quantity - item.quantityPicked })}>
                          {t("batch.cantFind")}
                        </Button>
                      ) : null}
                    </Group>
                  );
                })}
              </Stack>
            </Card>
          );
        })}
      </Stack>

      <Title order={3} size="h4">
        {t("batch.orders")}
      </Title>
      <Stack gap="sm">
        {orders.map((o) => {
          const need = o.lines.reduce((s, l) => s + l.quantity - l.quantityRejected, 0);
          const have = o.lines.reduce((s, l) => s + Math.min(l.quantityPicked, l.quantity - l.quantityRejected), 0);
          const complete = o.status === "PICKING" && need > 0 && have >= need;
          return (
            <Paper key={o.id} withBorder radius="md" p="sm" data-testid={`batch-order-${o.orderNumber}`}>
              <Group justify="space-between" wrap="wrap">
                <Stack gap={0}>
                  <Text fw={700}>{o.orderNumber}</Text>
                  <Text size="sm" c="dimmed">
                    {t("batch.orderProgress", { picked: have, total: need })}
                  </Text>
                </Stack>
                <Group gap="sm">
                  <ShipByBadge shipBy={o.shipBy} late={o.late} now={now} size="md" />
                  <Button size="lg" leftSection={<IconPackage size={20} aria-hidden />} disabled={!complete && o.status !== "PACKED"} onClick={() => onPack(o.id)}>
                    {o.status === "PACKED" ? t("batch.openPacked") : t("batch.pack")}
                  </Button>
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <ShortPickModal card={short?.card ?? { id: "", lines: [] }} line={short?.line ?? null} missing={short?.missing ?? 0} onClose={() => setShort(null)} />
    </Stack>
  );
}
