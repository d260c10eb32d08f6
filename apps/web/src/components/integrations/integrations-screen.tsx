"use client";
import { Stack } from "@mantine/core";
import { useMemo } from "react";
import { ApiKeysPanel } from "./api-keys-panel.tsx";
import { browserTimeZone } from "./shared.ts";
import { WebhookDeliveriesPanel } from "./webhook-deliveries-panel.tsx";
import { WebhookSubscriptionsPanel } from "./webhook-subscriptions-panel.tsx";

/**
 * The panels of /hq/integrations: API keys, their webhook endpoints, the delivery log.
 * Times are shown in the admin's store's time zone, or (an admin works for the whole
 * network) in the browser's own; the lists load on the client, so no time is rendered on
 * the server in another zone.
 */
export function IntegrationsScreen({ timeZone }: { timeZone: string | null }) {
  const zone = useMemo(() => timeZone ?? browserTimeZone(), [timeZone]);
  return (
    <Stack gap="lg">
      <ApiKeysPanel timeZone={zone} />
      <WebhookSubscriptionsPanel timeZone={zone} />
      <WebhookDeliveriesPanel timeZone={zone} />
    </Stack>
  );
}
