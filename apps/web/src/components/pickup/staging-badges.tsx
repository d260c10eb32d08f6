"use client";
import { Badge } from "@mantine/core";
import { useTranslations } from "use-intl";
import type { PickupCardData } from "./shared.ts";

/** Where a packed order waits: its pickup shelf and number of bags. */
export function StagingBadges({ card }: { card: Pick<PickupCardData, "stagingShelf" | "bagCount"> }) {
  const t = useTranslations("pickup");
  return (
    <>
      {card.stagingShelf ? (
        <Badge size="lg" color="teal" variant="light" tt="none">
          {t("card.shelf", { shelf: card.stagingShelf })}
        </Badge>
      ) : null}
      {card.bagCount ? (
        <Badge size="lg" color="gray" variant="light" tt="none">
          {t("card.bags", { count: card.bagCount })}
        </Badge>
      ) : null}
    </>
  );
}
