"use client";
import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { DateTime, Money } from "@oms/ui";
import { IconHandGrab, IconLock, IconPackage, IconShoppingBagCheck } from "@tabler/icons-react";
import { useLocale, useTranslations } from "use-intl";
import { Countdown } from "./countdown.tsx";
import { unitsNeeded, type PickupCardData } from "./shared.ts";
import { StagingBadges } from "./staging-badges.tsx";

interface OrderCardProps {
  card: PickupCardData;
  now: Date;
  meId: string;
  timeZone: string;
  busy: boolean;
  onClaim: (card: PickupCardData) => void;
  onHandOver: (card: PickupCardData) => void;
}

/** One order on the board: who it is for, how long is left, and the one thing to do next. */
export function OrderCard({ card, now, meId, timeZone, busy, onClaim, onHandOver }: OrderCardProps) {
  const t = useTranslations("pickup");
  const locale = useLocale();
  const units = card.lines.reduce((s, l) => s + unitsNeeded(l), 0);
  const open = card.group === "new" || card.group === "picking";
  const mine = card.claimedBy?.id === meId;
  const someoneElse = card.claimedBy !== null && !mine;
  return (
    <Card withBorder radius="md" padding="md" shadow={card.late && open ? "sm" : undefined} style={card.late && open ? { borderColor: "var(--mantine-color-red-6)", borderWidth: 2 } : undefined} data-testid="pickup-card" aria-label={card.orderNumber}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Group justify="space-between" align="baseline" wrap="nowrap" gap="xs">
            <Text fw={700} size="xl" style={{ fontVariantNumeric: "tabular-nums" }}>
              {card.orderNumber}
            </Text>
            <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {t("card.items", { count: units })}
            </Text>
          </Group>
          <Text size="lg" lineClamp={1}>
            {card.customerName ?? "—"}
          </Text>
        </Stack>
        {open ? <Countdown promisedAt={card.promisedAt} now={now} /> : null}

        {card.group === "picking" && card.claimedBy ? (
          <Group gap={6} wrap="nowrap" c={mine ? "blue.8" : "grape.8"} bg={mine ? "blue.0" : "grape.0"} px="sm" py={6} style={{ borderRadius: "var(--mantine-radius-md)" }}>
            <IconLock size={18} aria-hidden style={{ flexShrink: 0 }} />
            <Text fw={600} size="md">
              {mine ? t("card.claimedByYou") : t("card.claimedBy", { name: card.claimedBy.name })}
            </Text>
          </Group>
        ) : null}

        {card.group === "ready" ? (
          <Group gap="xs">
            <StagingBadges card={card} />
          </Group>
        ) : null}
        {card.amountDue > 0 && card.group !== "collected" && card.group !== "problems" ? (
          <Text size="md" fw={600} c="yellow.9">
            {t("card.toPay")} <Money amount={card.amountDue} currency={card.currency} locale={locale} />
          </Text>
        ) : null}

        {card.group === "problems" ? (
          <Text size="sm" c="red.8">
            {card.status === "REJECTED" ? t("card.rejected", { reason: card.rejectedReason ?? "—" }) : t("card.cancelled")}
          </Text>
        ) : null}

        {card.group === "collected" && card.pickedUpAt ? (
          <Text size="sm" c="dimmed">
            {t("card.collectedAt", { time: "" })}
            <DateTime value={card.pickedUpAt} timeZone={timeZone} locale={locale} />
          </Text>
        ) : null}

        {open ? (
          someoneElse ? null : (
            <Button size="lg" fullWidth loading={busy} leftSection={mine ? <IconPackage size={20} aria-hidden /> : <IconHandGrab size={20} aria-hidden />} onClick={() => onClaim(card)}>
              {mine ? t("card.continue") : t("card.claim")}
            </Button>
          )
        ) : null}
        {card.group === "ready" ? (
          <Button size="lg" fullWidth color="teal" leftSection={<IconShoppingBagCheck size={20} aria-hidden />} onClick={() => onHandOver(card)}>
            {t("card.handOver")}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}
