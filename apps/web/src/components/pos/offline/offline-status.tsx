"use client";
import { Alert, Badge, Button, Drawer, Group, Paper, Stack, Text } from "@mantine/core";
import { Money } from "@oms/ui";
import { IconAlertTriangle, IconCloudCheck, IconCloudUpload, IconRefresh, IconWifi, IconWifiOff } from "@tabler/icons-react";
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "use-intl";
import type { TillContext } from "../sale/shared.ts";
import { useOfflineTill } from "./use-offline-till.tsx";

/**
 * Always in view on the till: online or offline, how many sales wait to be synced and how
 * old the oldest is, the manager alert after the configured time, and the queue itself
 * (a refused command stays listed with the server's reason until it is resolved).
 */
export function OfflineStatus({ till }: { till: TillContext }) {
  const t = useTranslations("posOffline");
  const offline = useOfflineTill();
  const [open, setOpen] = useState(false);
  const waiting = offline.stats.pending + offline.stats.rejected;
  const money = (n: number) => <Money amount={n} currency={till.currency} locale={till.locale} />;
  const time = (iso: string) => new Intl.DateTimeFormat(till.locale, { timeStyle: "short", timeZone: till.timeZone }).format(new Date(iso));
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap" data-testid="till-offline-status">
        <Badge
          size="lg"
          variant={offline.online ? "light" : "filled"}
          color={offline.online ? "teal" : "orange"}
          leftSection={offline.online ? <IconWifi size={14} aria-hidden /> : <IconWifiOff size={14} aria-hidden />}
          data-testid="till-connection"
          data-online={offline.online}
          role="status"
        >
          {offline.online ? t("status.online") : offline.reason === "server" ? t("status.serverDown") : t("status.offline")}
        </Badge>
        <Button
          size="compact-md"
          variant={waiting > 0 ? "light" : "subtle"}
          color={offline.stats.rejected > 0 ? "red" : waiting > 0 ? "orange" : "gray"}
          leftSection={waiting > 0 ? <IconCloudUpload size={16} aria-hidden /> : <IconCloudCheck size={16} aria-hidden />}
          onClick={() => setOpen(true)}
          data-testid="till-unsynced"
          data-count={waiting}
        >
          {waiting > 0
            ? t("status.unsynced", { count: waiting }) + (offline.oldestMinutes !== null ? ` · ${t("status.oldest", { minutes: offline.oldestMinutes })}` : "")
            : offline.syncing
              ? t("status.syncing")
              : t("status.allSynced")}
        </Button>
        {offline.stats.rejected > 0 ? (
          <Badge color="red" variant="light" size="lg">
            {t("status.rejected", { count: offline.stats.rejected })}
          </Badge>
        ) : null}
        {offline.cashier.offline && offline.cashier.name ? (
          <Badge color="gray" variant="light" size="lg" tt="none">
            {t("status.offlineCashier", { name: offline.cashier.name })}
          </Badge>
        ) : null}
      </Group>
      {offline.alert ? (
        <Alert color="red" variant="filled" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title={t("alert.title", { minutes: offline.oldestMinutes ?? 0 })} data-testid="till-offline-alert">
          {t("alert.body")}
        </Alert>
      ) : null}
      {offline.needsSignIn ? (
        <Alert color="yellow" variant="light" role="alert" title={t("signIn.revalidateTitle")}>
          <Group justify="space-between">
            <Text size="sm">{t("signIn.revalidate", { name: offline.offlineSession?.name ?? "" })}</Text>
            <Button component={Link} href="/login?callbackUrl=/pos/sale" size="compact-md">
              {t("signIn.revalidateAction")}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {!offline.online && !offline.catalog ? (
        <Alert color="red" variant="light" role="alert">
          {t("banner.noCatalog")}
        </Alert>
      ) : null}

      <Drawer opened={open} onClose={() => setOpen(false)} title={t("queue.title")} position="right" size="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {offline.online ? t("queue.onlineHint") : t("queue.offlineHint")}
            </Text>
            <Button size="compact-md" variant="light" leftSection={<IconRefresh size={16} aria-hidden />} onClick={offline.syncNow} loading={offline.syncing} disabled={!offline.online}>
              {t("status.syncNow")}
            </Button>
          </Group>
          {offline.entries.length === 0 ? <Text c="dimmed">{t("queue.empty")}</Text> : null}
          {offline.entries.map((e) => (
            <Paper key={e.clientId} withBorder p="sm" radius="md" bg={e.status === "REJECTED" ? "red.0" : undefined} data-testid="queue-entry" data-status={e.status}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Text fw={600}>
                    {e.command.type === "SALE" ? t("queue.sale", { lines: e.command.lines.length }) : e.command.kind === "CASH_IN" ? t("queue.cashIn") : t("queue.cashOut")} {money(e.amount)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t("queue.recordedAt", { time: time(e.command.recordedAt) })} · {e.clientId.slice(0, 8).toUpperCase()}
                  </Text>
                  {e.error ? (
                    <Text size="sm" c={e.status === "REJECTED" ? "red.8" : "dimmed"}>
                      {e.error}
                    </Text>
                  ) : null}
                </Stack>
                {e.status === "REJECTED" ? (
                  <Button size="compact-sm" variant="light" color="red" onClick={() => void offline.retry(e.clientId)} disabled={!offline.online}>
                    {t("queue.retry")}
                  </Button>
                ) : (
                  <Badge variant="light" color="orange">
                    {t("queue.pending")}
                  </Badge>
                )}
              </Group>
            </Paper>
          ))}
          {offline.lastSync && offline.lastSync.applied.length > 0 ? (
            <Text size="sm" c="teal.8">
              {t("queue.lastSync", { count: offline.lastSync.applied.length })}
            </Text>
          ) : null}
        </Stack>
      </Drawer>
    </Stack>
  );
}
