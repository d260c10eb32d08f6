"use client";
import { Stack } from "@mantine/core";
import { useMemo } from "react";
import { ApiKeysPanel } from "./api-keys-panel.tsx";
import { browserTimeZone } from "./shared.ts";
import { WebhookDeliveriesPanel } from "./webhook-deliveries-panel.tsx";

/**
 * The two panels of /hq/integrations. Times are shown in the admin's store's time zone, or
 * (an admin works for the whole network) in the browser's own; both lists load on the
 * client, so no time is rendered on the server in another zone.
 */
export function IntegrationsScreen({ timeZone }: { timeZone: string | null }) {
  const zone = useMemo(() => timeZone ?? browserTimeZone(), [timeZone]);
  return (
    <Stack gap="lg">
      <ApiKeysPanel timeZone={zone} />
      <WebhookDeliveriesPanel timeZone={zone} />
    </Stack>
  );
}
