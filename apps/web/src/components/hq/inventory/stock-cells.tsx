"use client";
import { Badge, Text, Tooltip } from "@mantine/core";
import { useLocale, useTranslations } from "use-intl";
import { formatNumber } from "./shared.ts";

/** Days of cover: a number, ∞ when nothing sold but there is stock, — when there is neither. */
export function CoverText({ days, onHand, soldPerDay, size = "sm" }: { days: number | null; onHand: number; soldPerDay: number; size?: "sm" | "xl" }) {
  const t = useTranslations("hqInventory");
  const locale = useLocale();
  const text = days === null ? (onHand > 0 ? "∞" : "—") : formatNumber(locale, days, 1);
  const hint = days === null ? (onHand > 0 ? t("cover.noSales") : t("cover.nothing")) : t("cover.hint", { perDay: formatNumber(locale, soldPerDay, 2) });
  return (
    <Tooltip label={hint} withArrow>
      <Text size={size} c={days !== null && days < 7 ? "red.8" : days !== null && days < 14 ? "orange.8" : undefined} fw={days !== null && days < 7 ? 600 : undefined} tabIndex={0} span>
        {text}
      </Text>
    </Tooltip>
  );
}

export function StockBadge({ onHand, low }: { onHand: number; low: boolean }) {
  const t = useTranslations("hqInventory");
  const [color, label] = onHand === 0 ? ["red", t("badge.out")] : low ? ["orange", t("badge.low")] : ["teal", t("badge.ok")];
  return (
    <Badge color={color} variant="light" style={{ flexShrink: 0 }} styles={{ label: { overflow: "visible" } }}>
      {label}
    </Badge>
  );
}
