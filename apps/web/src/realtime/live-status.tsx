"use client";
import { Badge, Tooltip } from "@mantine/core";
import { useTranslations } from "use-intl";
import { useLiveEvents } from "./live-provider.tsx";

const color = { live: "teal", connecting: "gray", reconnecting: "yellow", offline: "red" } as const;

/** The header's live / reconnecting / offline badge; mounting it opens the connection. */
export function LiveStatusBadge() {
  const t = useTranslations("live");
  const status = useLiveEvents();
  return (
    <Tooltip label={t(`hint.${status}`)} withArrow>
      <Badge variant="dot" color={color[status]} size="lg" role="status" aria-live="polite">
        {t(`status.${status}`)}
      </Badge>
    </Tooltip>
  );
}
