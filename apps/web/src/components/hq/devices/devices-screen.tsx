"use client";
import { Badge, Button, Loader, Table, Text } from "@mantine/core";
import type { PosDeviceState } from "@oms/contracts";
import { DateTime, EmptyState, ErrorState, Money, Panel } from "@oms/ui";
import { IconDeviceDesktop, IconRefresh } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useLiveEvents } from "../../../realtime/live-provider.tsx";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";

const stateColor: Record<PosDeviceState["state"], string> = { OK: "teal", UNSYNCED: "orange", BEHIND: "red", SILENT: "gray" };

/**
 * HQ › Till devices (docs/pos.md#offline): each till's sync state, live. A device's heartbeat
 * or sync publishes `pos.device.changed`; a slow poll also turns devices that stopped calling
 * in to "Not calling in" without any event.
 */
export function DevicesScreen() {
  const t = useTranslations("posOffline.devices");
  const locale = useLocale();
  const timeZone = useMemo(() => browserTimeZone(), []);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const devices = useQuery({ ...trpc.pos.offline.devices.queryOptions({}), refetchInterval: 30_000 });
  useLiveEvents((event) => {
    if (event.topic === "pos.device.changed") void queryClient.invalidateQueries({ queryKey: trpc.pos.offline.devices.queryKey() });
  });

  const refresh = (
    <Button variant="default" size="sm" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void devices.refetch()} loading={devices.isFetching}>
      {t("title")}
    </Button>
  );
  return (
    <Panel title={t("title")} description={t("intro")} actions={refresh}>
      {devices.isPending ? <Loader mx="auto" /> : null}
      {devices.isError ? <ErrorState title={t("loadFailed")} message={devices.error.message} /> : null}
      {devices.data && devices.data.length === 0 ? <EmptyState icon={<IconDeviceDesktop size={32} aria-hidden />} title={t("empty")} /> : null}
      {devices.data && devices.data.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover stickyHeader data-testid="devices-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("store")}</Table.Th>
                <Table.Th>{t("register")}</Table.Th>
                <Table.Th>{t("state")}</Table.Th>
                <Table.Th ta="end">{t("unsynced")}</Table.Th>
                <Table.Th>{t("oldest")}</Table.Th>
                <Table.Th>{t("lastSeen")}</Table.Th>
                <Table.Th>{t("lastSync")}</Table.Th>
                <Table.Th>{t("user")}</Table.Th>
                <Table.Th>{t("device")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {devices.data.map((d) => (
                <Table.Tr key={d.id} data-testid="device-row" data-device={d.id} data-state={d.state}>
                  <Table.Td>{d.locationName}</Table.Td>
                  <Table.Td>{d.registerName ?? "—"}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[d.state]} variant={d.state === "BEHIND" ? "filled" : "light"}>
                      {t(`states.${d.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="end">
                    {d.unsyncedCount > 0 ? (
                      <Text span fw={600}>
                        {d.unsyncedCount} · <Money amount={d.unsyncedTotal} currency={d.currency} locale={locale} />
                      </Text>
                    ) : (
                      "0"
                    )}
                    {d.rejectedCount > 0 ? (
                      <Badge ms={6} color="red" variant="light">
                        {d.rejectedCount}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{d.oldestUnsyncedAt ? <DateTime value={d.oldestUnsyncedAt} timeZone={timeZone} locale={locale} /> : "—"}</Table.Td>
                  <Table.Td>
                    <DateTime value={d.lastSeenAt} timeZone={timeZone} locale={locale} />
                  </Table.Td>
                  <Table.Td>{d.lastSyncAt ? <DateTime value={d.lastSyncAt} timeZone={timeZone} locale={locale} /> : t("never")}</Table.Td>
                  <Table.Td>{d.lastUserName ?? "—"}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed">
                      {d.id.slice(0, 8)}
                      {d.appVersion ? ` · ${d.appVersion}` : ""}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Panel>
  );
}
