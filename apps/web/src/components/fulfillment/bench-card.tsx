"use client";
import { Badge, Button, Card, Checkbox, Group, Stack, Text } from "@mantine/core";
import { IconMapPin, IconPackage, IconTruckDelivery } from "@tabler/icons-react";
import { useTranslations } from "use-intl";
import { ShipByBadge } from "./ship-by-badge.tsx";
import type { BenchCardData } from "./shared.ts";

interface BenchCardProps {
  card: BenchCardData;
  now: Date;
  meId: string;
  selected: boolean;
  /** Null: this card cannot join a batch (someone else picks it, or it is past picking). */
  onToggle: (() => void) | null;
  onOpen: () => void;
}

/** One order on the bench: number, customer, destination, cut-off, what is left to do. */
export function BenchCard({ card, now, meId, selected, onToggle, onOpen }: BenchCardProps) {
  const t = useTranslations("fulfillment");
  const units = card.lines.reduce((s, l) => s + l.quantity - l.quantityRejected, 0);
  const open = card.status === "NEW" || card.status === "PICKING" || card.status === "PACKED";
  const mine = card.claimedBy?.id === meId;
  const labels = card.shipments.filter((s) => s.status !== "LABEL_PENDING");
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid={`bench-card-${card.orderNumber}`}
      data-late={card.late ? "true" : "false"}
      style={card.late && open ? { borderColor: "var(--mantine-color-red-6)", borderWidth: 2, background: "var(--mantine-color-red-0)" } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            {onToggle ? <Checkbox size="lg" checked={selected} onChange={onToggle} aria-label={t("card.select", { number: card.orderNumber })} mt={4} /> : null}
            <Stack gap={0}>
              <Text fw={800} size="lg">
                {card.orderNumber}
              </Text>
              <Text size="sm" c="dimmed">
                {card.customerName ?? "—"}
              </Text>
            </Stack>
          </Group>
          <Badge variant="light" color={card.type === "DELIVERY" ? "grape" : "blue"} leftSection={card.type === "DELIVERY" ? <IconTruckDelivery size={14} aria-hidden /> : <IconPackage size={14} aria-hidden />} tt="none">
            {t(`type.${card.type}`)}
          </Badge>
        </Group>
        {card.shipTo ? (
          <Group gap={6} wrap="nowrap">
            <IconMapPin size={16} aria-hidden />
            <Text size="sm">
              {card.shipTo.postalCode} {card.shipTo.city}, {card.shipTo.countryCode}
            </Text>
          </Group>
        ) : null}
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {t("card.items", { count: units })}
          </Text>
          {card.carrier ? (
            <Text size="sm" c="dimmed">
              · {card.carrier}
            </Text>
          ) : null}
          {card.parcels.length > 0 ? (
            <Text size="sm" c="dimmed">
              · {t("card.parcels", { count: card.parcels.length })}
            </Text>
          ) : null}
        </Group>
        {open ? <ShipByBadge shipBy={card.shipBy} late={card.late} now={now} /> : null}
        {card.claimedBy && card.status === "PICKING" ? (
          <Text size="sm" c={mine ? "blue.7" : "orange.8"} fw={600}>
            {mine ? t("card.pickingYou") : t("card.pickingBy", { name: card.claimedBy.name })}
          </Text>
        ) : null}
        {labels.length > 0 ? (
          <Text size="sm" ff="monospace" data-testid="card-tracking">
            {labels.map((s) => s.trackingNumber).join(", ")}
          </Text>
        ) : null}
        {card.status === "REJECTED" || card.status === "CANCELLED" ? (
          <Text size="sm" c="red.7">
            {card.rejectedReason ?? t(`status.${card.status}`)}
          </Text>
        ) : null}
        <Button size="lg" variant={card.status === "PACKED" ? "filled" : "light"} onClick={onOpen} disabled={card.status === "PICKING" && !!card.claimedBy && !mine}>
          {t(`card.open.${card.status === "NEW" || card.status === "PICKING" || card.status === "PACKED" ? card.status : "VIEW"}`)}
        </Button>
      </Stack>
    </Card>
  );
}
