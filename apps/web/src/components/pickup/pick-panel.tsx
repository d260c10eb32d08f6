"use client";
import { Alert, Badge, Button, Card, Group, NumberInput, Paper, Progress, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconBarcode, IconCheck, IconHandStop, IconMapPin, IconPackageExport, IconPlus, IconQuestionMark } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { Countdown } from "./countdown.tsx";
import { serverMessage, unitsNeeded, type PickupCardData, type PickupLineData } from "./shared.ts";
import { ShortPickModal } from "./short-pick-modal.tsx";

/**
 * The claimant's pick list, walked in bin order. Each unit is confirmed by a scan (the
 * scanner types the barcode and Enter into the focused field) or, when a label is
 * unreadable, by a counted tap; each count is saved on the server (pickup.recordPickCount).
 * A line that cannot be found goes to the short-pick choice.
 */
export function PickPanel({ card, now, onBack }: { card: PickupCardData; now: Date; onBack: () => void }) {
  const t = useTranslations("pickup");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<Record<string, number>>(() => Object.fromEntries(card.lines.map((l) => [l.id, Math.min(l.quantityPicked, unitsNeeded(l))])));
  const [scan, setScan] = useState("");
  const [scanError, setScanError] = useState<string | null>(null);
  const [lastScan, setLastScan] = useState<string | null>(null);
  const [shortLine, setShortLine] = useState<PickupLineData | null>(null);
  const [bags, setBags] = useState<number | string>(1);
  const [shelf, setShelf] = useState("");
  const [packError, setPackError] = useState<string | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    scanRef.current?.focus();
  }, []);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.pickup.queue.queryKey() });

  const lines = card.lines;
  const left = useMemo(() => lines.reduce((s, l) => s + Math.max(0, unitsNeeded(l) - (picked[l.id] ?? 0)), 0), [lines, picked]);
  const total = lines.reduce((s, l) => s + unitsNeeded(l), 0);
  const done = total > 0 && left === 0;

  function count(line: PickupLineData): boolean {
    const have = picked[line.id] ?? 0;
    if (have >= unitsNeeded(line)) {
      setScanError(t("pick.alreadyComplete", { name: line.name }));
      return false;
    }
    setPicked((p) => ({ ...p, [line.id]: have + 1 }));
    // Kept on the server too: a reload or another tablet shows the same count.
    saveCount.mutate({ fulfillmentOrderId: card.id, fulfillmentOrderLineId: line.id, quantityPicked: have + 1 });
    setScanError(null);
    setLastScan(t("pick.scanned", { name: line.name, picked: have + 1, needed: unitsNeeded(line) }));
    return true;
  }

  function onScan() {
    const code = scan.trim();
    setScan("");
    if (!code) return;
    const matches = lines.filter((l) => l.sku.toLowerCase() === code.toLowerCase() || l.barcodes.includes(code));
    // Several lines of the same item: fill the first that still needs units.
    const line = matches.find((l) => (picked[l.id] ?? 0) < unitsNeeded(l)) ?? matches[0];
    if (!line) {
      setLastScan(null);
      setScanError(t("pick.unknownCode", { code }));
      return;
    }
    count(line);
  }

  const saveCount = useMutation(
    trpc.pickup.recordPickCount.mutationOptions({
      onError: (e, vars) => {
        // Not saved (claim lost, order changed): show the server's count again.
        setPicked((p) => ({ ...p, [vars.fulfillmentOrderLineId]: Math.max(0, vars.quantityPicked - 1) }));
        setScanError(serverMessage(e));
      },
    }),
  );
  const release = useMutation(
    trpc.pickup.release.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "gray", message: t("pick.released", { number: card.orderNumber }) });
        await refresh();
        onBack();
      },
      onError: (e) => notifications.show({ color: "red", message: serverMessage(e) }),
    }),
  );
  const pack = useMutation(
    trpc.pickup.packAndStage.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", icon: <IconCheck size={18} />, message: t("pick.readyDone", { number: card.orderNumber, shelf: shelf.trim() }) });
        await refresh();
        onBack();
      },
      onError: (e) => setPackError(serverMessage(e)),
    }),
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Button variant="subtle" size="lg" leftSection={<IconArrowLeft size={20} aria-hidden />} onClick={onBack}>
          {t("pick.back")}
        </Button>
        <Button variant="default" size="lg" leftSection={<IconHandStop size={20} aria-hidden />} loading={release.isPending} onClick={() => release.mutate({ fulfillmentOrderId: card.id })}>
          {t("pick.release")}
        </Button>
      </Group>

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h2">
              {t("pick.title", { number: card.orderNumber })}
            </Title>
            <Text size="lg">{t("pick.customer", { customer: card.customerName ?? "—" })}</Text>
          </Stack>
          <Countdown promisedAt={card.promisedAt} now={now} size="xl" />
        </Group>
        <Progress value={total ? ((total - left) / total) * 100 : 0} size="lg" radius="xl" mt="md" color={done ? "teal" : "blue"} aria-label={t("pick.stillToPick", { count: left })} />
        <Text size="sm" c="dimmed" mt={6}>
          {done ? t("pick.allPicked") : t("pick.stillToPick", { count: left })}
        </Text>
      </Paper>

      <TextInput
        ref={scanRef}
        size="xl"
        label={t("pick.scanLabel")}
        description={t("pick.scanHint")}
        leftSection={<IconBarcode size={26} aria-hidden />}
        value={scan}
        onChange={(e) => setScan(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onScan();
          }
        }}
        error={scanError}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
      />
      {lastScan && !scanError ? (
        <Text c="teal.8" fw={600} role="status">
          {lastScan}
        </Text>
      ) : null}

      <Stack gap="sm">
        {lines.map((line) => {
          const needed = unitsNeeded(line);
          const have = picked[line.id] ?? 0;
          const complete = needed > 0 && have >= needed;
          return (
            <Card key={line.id} withBorder radius="md" padding="md" bg={complete ? "teal.0" : needed === 0 ? "gray.0" : undefined} data-testid="pick-line" aria-label={line.name}>
              <Group justify="space-between" wrap="nowrap" gap="md">
                <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Badge size="xl" radius="sm" variant={line.bin ? "filled" : "outline"} color={line.bin ? "dark" : "gray"} leftSection={<IconMapPin size={16} aria-hidden />} tt="none" style={{ minWidth: 96 }}>
                    {line.bin ?? t("pick.noBin")}
                  </Badge>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text fw={600} size="lg" truncate>
                      {line.name}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {line.sku}
                    </Text>
                    {line.quantityRejected > 0 ? (
                      <Text size="sm" c="orange.8">
                        {t("pick.rejected", { count: line.quantityRejected })}
                      </Text>
                    ) : null}
                  </Stack>
                </Group>
                <Group gap="sm" wrap="nowrap">
                  <Text fw={700} size="xl" c={complete ? "teal.8" : undefined} style={{ fontVariantNumeric: "tabular-nums", minWidth: 64, textAlign: "center" }} aria-label={t("pick.count", { picked: have, needed })}>
                    {complete ? <IconCheck size={28} aria-hidden /> : t("pick.count", { picked: have, needed })}
                  </Text>
                  <Button size="lg" variant="light" disabled={complete || needed === 0} onClick={() => count(line)} aria-label={t("pick.tapCount", { name: line.name })} leftSection={<IconPlus size={18} aria-hidden />}>
                    {t("pick.tapCountLabel").replace("+", "")}
                  </Button>
                  <Button size="lg" variant="outline" color="orange" disabled={needed - have <= 0} onClick={() => setShortLine(line)} leftSection={<IconQuestionMark size={18} aria-hidden />}>
                    {t("pick.cantFind")}
                  </Button>
                </Group>
              </Group>
            </Card>
          );
        })}
      </Stack>

      <Paper withBorder radius="md" p="md" bg={done ? "teal.0" : undefined}>
        <Stack gap="sm">
          <Group grow align="flex-end" wrap="wrap">
            <NumberInput size="lg" label={t("pick.bags")} min={1} max={50} value={bags} onChange={setBags} disabled={!done} allowDecimal={false} />
            <TextInput size="lg" label={t("pick.shelf")} placeholder={t("pick.shelfPlaceholder")} value={shelf} onChange={(e) => setShelf(e.currentTarget.value)} disabled={!done} />
          </Group>
          {packError ? (
            <Alert color="red" variant="light" role="alert">
              {packError}
            </Alert>
          ) : null}
          <Button
            size="xl"
            color="teal"
            disabled={!done || !shelf.trim() || !(Number(bags) >= 1)}
            loading={pack.isPending}
            leftSection={<IconPackageExport size={24} aria-hidden />}
            onClick={() => {
              setPackError(null);
              pack.mutate({ fulfillmentOrderId: card.id, bagCount: Number(bags), stagingShelf: shelf.trim() });
            }}
          >
            {t("pick.ready")}
          </Button>
        </Stack>
      </Paper>

      <ShortPickModal
        card={card}
        line={shortLine}
        missing={shortLine ? unitsNeeded(shortLine) - (picked[shortLine.id] ?? 0) : 0}
        onClose={() => {
          setShortLine(null);
          scanRef.current?.focus();
        }}
      />
    </Stack>
  );
}
