"use client";
import { Badge } from "@mantine/core";
import { IconAlarm, IconClockHour4 } from "@tabler/icons-react";
import { useTranslations } from "use-intl";
import { splitDuration } from "./shared.ts";

/** Time left to the promised ready time; red ("Late by") once it has passed. */
export function Countdown({ promisedAt, now, size = "lg" }: { promisedAt: Date | null; now: Date; size?: "md" | "lg" | "xl" }) {
  const t = useTranslations("pickup");
  if (!promisedAt) return null;
  const left = new Date(promisedAt).getTime() - now.getTime();
  const { d, h, m } = splitDuration(left);
  const time = d > 0 ? t("duration.days", { d, h }) : h > 0 ? t("duration.hours", { h, m }) : t("duration.minutes", { m });
  const late = left < 0;
  return (
    <Badge
      size={size}
      color={late ? "red" : left < 30 * 60_000 ? "orange" : "gray"}
      variant={late ? "filled" : "light"}
      leftSection={late ? <IconAlarm size={16} aria-hidden /> : <IconClockHour4 size={16} aria-hidden />}
      tt="none"
      styles={{ root: { maxWidth: "100%" }, label: { overflow: "visible" } }}
      data-late={late ? "true" : "false"}
    >
      {late ? t("card.lateBy", { time }) : t("card.readyIn", { time })}
    </Badge>
  );
}
