"use client";
import { Anchor, Badge, Group, Text, Tooltip } from "@mantine/core";
import { Money } from "@oms/ui";
import { IconTruckDelivery, IconFileInvoice, IconCircleCheck } from "@tabler/icons-react";
import { useLocale, useTranslations } from "use-intl";
import { formatNumber } from "../inventory/shared.ts";
import Link from "next/link";
import { draftHref, type ForecastRow } from "./shared.ts";

/** "Transfer 16 from Katowice", "Order 21", an accepted draft, or that the level has enough. */
export function SuggestionCell({ row }: { row: ForecastRow }) {
  const t = useTranslations("hqForecast");
  const locale = useLocale();
  const s = row.suggestion;
  if (s) {
    const transfer = s.kind === "TRANSFER";
    const label = transfer
      ? t("suggestion.transfer", { quantity: s.quantity, from: s.fromLocation?.name ?? "" })
      : t("suggestion.order", { quantity: s.quantity });
    const hint = transfer
      ? t("suggestion.transferHint", { distance: formatNumber(locale, s.distanceKm ?? 0) })
      : s.unitCost === null
        ? t("suggestion.orderHintNoCost", { supplier: s.supplierName ?? t("suggestion.unknownSupplier") })
        : null;
    return (
      <Tooltip
        label={
          hint ?? (
            <span>
              {t("suggestion.orderHint", { supplier: s.supplierName ?? t("suggestion.unknownSupplier") })} <Money amount={s.unitCost ?? 0} currency={s.currency} locale={locale} />
            </span>
          )
        }
        withArrow
        multiline
        maw={300}
      >
        <Group gap={6} wrap="nowrap" tabIndex={0}>
          {transfer ? <IconTruckDelivery size={16} aria-hidden /> : <IconFileInvoice size={16} aria-hidden />}
          <Text size="sm" fw={600} c={transfer ? "blue.8" : "grape.8"} maw={190} lh={1.3}>
            {label}
          </Text>
        </Group>
      </Tooltip>
    );
  }
  if (row.accepted) {
    return (
      <Group gap={6} wrap="nowrap">
        <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text size="sm" maw={220} lh={1.3}>
          <Anchor component={Link} href={draftHref(row.accepted, row.variantId)} size="sm" ff="monospace" fw={600} onClick={(e) => e.stopPropagation()}>
            {row.accepted.number}
          </Anchor>
          {": "}
          {t(row.accepted.kind === "TRANSFER" ? "accepted.transfer" : "accepted.order", { quantity: row.accepted.quantity })}
        </Text>
      </Group>
    );
  }
  return (
    <Badge variant="light" color="teal">
      {t("suggestion.enough")}
    </Badge>
  );
}
