"use client";
import { Badge } from "@mantine/core";
import { IconAlarm, IconTruck } from "@tabler/icons-react";
import { useTranslations } from "use-intl";
import { splitDuration } from "../pickup/shared.ts";

/** Time left to the carrier collection this order should leave with; red once it has passed. */
export function ShipByBadge({ shipBy, late, now, size = "lg" }: { shipBy: Date | string | null; late: boolean; now: Date; size?: "md" | "lg" }) {
  const t = useTranslations("fulfillment");
  const p = useTranslations("pickup");
  if (!shipBy) return null;
  const left = new Date(shipBy).getTime() - now.getTime();
  const { d, h, m } = splitDuration(left);
  const time = d > 0 ? p("duration.days", { d, h }) : h > 0 ? p("duration.hours", { h, m }) : p("duration.minutes", { m });
  const isLate = late || left < 0;
  return (
    <Badge
      size={size}
      color={isLate ? "red" : left < 60 * 60_000 ? "orange" : "gray"}
      variant={isLate ? "filled" : "light"}
      leftSection={isLate ? <IconAlarm size={16} aria-hidden /> : <IconTruck size={16} aria-hidden />}
      tt="none"
      styles={{ root: { maxWidth: "100%" }, label: { overflow: "visible" } }}
      data-late={isLate ? "true" : "false"}
    >
      {isLate ? t("card.lateBy", { time }) : t("card.cutoffIn", { time })}
    </Badge>
  );
}
