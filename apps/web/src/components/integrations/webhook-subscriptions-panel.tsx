"use client";
import { Alert, Badge, Button, Group, Menu, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { AppRouter } from "@oms/api";
import { DataTable, DateTime, EmptyState, ErrorState, Panel, type DataTableColumn } from "@oms/ui";
import { IconPlayerPause, IconPlayerPlay, IconPlus, IconRefresh, IconWebhook } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { RowActions } from "../hq/row-actions.tsx";
import { OneTimeSecret } from "./one-time-secret.tsx";
import { WebhookSubscriptionModal, type SubscriptionTarget } from "./webhook-subscription-modal.tsx";
import { useTableLabels } from "../table-labels.ts";

type Row = inferRouterOutputs<AppRouter>["webhooks"]["subscriptions"][number];

/** The endpoints integrations receive events at: add, edit, switch off and on, new secret. */
export function WebhookSubscriptionsPanel({ timeZone }: { timeZone: string }) {
  const t = useTranslations("integrations.subscriptions");
  const tc = useTranslations();
  const tableLabels = useTableLabels();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscriptions = useQuery(trpc.webhooks.subscriptions.queryOptions());
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [modal, setModal] = useState<{ editing: SubscriptionTarget | null; key: number } | null>(null);
  const [rotating, setRotating] = useState<Row | null>(null);
  const [rotated, setRotated] = useState<string | null>(null);
  const activeKeys = useMemo(() => (keys.data ?? []).filter((k) => !k.revokedAt).map((k) => ({ value: k.id, label: `${k.name} (${k.prefix})` })), [keys.data]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.subscriptions.queryKey() });
  const setActive = useMutation(
    trpc.webhooks.setSubscriptionActive.mutationOptions({
      onSuccess: async (row) => {
        notifications.show({ color: "teal", message: row.active ? t("enabled", { url: row.url }) : t("disabled", { url: row.url }) });
        await refresh();
      },
      onError: (error) => notifications.show({ color: "red", message: error.message || t("failed") }),
    }),
  );
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      onSuccess: async (row) => {
        setRotated(row.secret);
        await refresh();
      },
    }),
  );
  const closeRotate = () => {
    rotate.reset();
    setRotating(null);
    setRotated(null);
  };

  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      {
        id: "url",
        header: t("columns.url"),
        hideable: false,
        cell: (row) => (
          <Text size="sm" ff="monospace" truncate="end" maw={340} title={row.url} c={row.active ? undefined : "dimmed"}>
            {row.url}
          </Text>
        ),
      },
      {
        id: "key",
        header: t("columns.key"),
        cell: (row) =>
          row.apiKey ? (
            <Stack gap={2}>
              <Text size="sm">{row.apiKey.name}</Text>
              {row.apiKey.revoked ? (
                <Badge size="xs" color="red" variant="light" style={{ alignSelf: "flex-start" }}>
                  {t("keyRevoked")}
                </Badge>
              ) : null}
            </Stack>
          ) : (
            "—"
          ),
      },
      {
        id: "events",
        header: t("columns.events"),
        cell: (row) => (
          <Group gap={4}>
            {row.events.map((event) => (
              <Badge key={event} size="sm" variant="light" color="gray" tt="none">
                {event}
              </Badge>
            ))}
          </Group>
        ),
      },
      {
        id: "queue",
        header: t("columns.queue"),
        cell: (row) =>
          row.pending + row.failed === 0 ? (
            <Text size="sm" c="dimmed">
              {t("queueClear")}
            </Text>
          ) : (
            <Group gap={4}>
              {row.pending > 0 ? (
                <Badge size="sm" color="yellow" variant="light">
                  {t("pending", { count: row.pending })}
                </Badge>
              ) : null}
              {row.failed > 0 ? (
                <Badge size="sm" color="red" variant="light">
                  {t("failedCount", { count: row.failed })}
                </Badge>
              ) : null}
            </Group>
          ),
      },
      {
        id: "created",
        header: t("columns.created"),
        cell: (row) => (
          <Text component="span" size="sm" style={{ whiteSpace: "nowrap" }}>
            <DateTime value={row.createdAt} timeZone={timeZone} locale={locale} />
          </Text>
        ),
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: (row) => (
          <Badge color={row.active ? "teal" : "gray"} variant="light" style={{ minWidth: "max-content" }}>
            {row.active ? t("status.active") : t("status.off")}
          </Badge>
        ),
      },
      {
        id: "actions",
        header: t("columns.actions"),
        align: "end",
        hideable: false,
        cell: (row) => (
          <RowActions editText={t("edit")} editLabel={t("editLabel", { url: row.url })} onEdit={() => setModal({ editing: row, key: Date.now() })} moreLabel={t("moreLabel", { url: row.url })}>
            <Menu.Item leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setRotating(row)}>
              {t("rotate")}
            </Menu.Item>
            {row.active ? (
              <Menu.Item color="red" leftSection={<IconPlayerPause size={16} aria-hidden />} onClick={() => setActive.mutate({ subscriptionId: row.id, active: false })}>
                {t("disable")}
              </Menu.Item>
            ) : (
              <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} disabled={row.apiKey?.revoked} onClick={() => setActive.mutate({ subscriptionId: row.id, active: true })}>
                {t("enable")}
              </Menu.Item>
            )}
          </RowActions>
        ),
      },
    ],
    // setActive is a stable mutation object for the life of the panel.
    [t, locale, timeZone],
  );

  return (
    <Panel
      title={t("title")}
      description={t("hint")}
      actions={
        <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} disabled={activeKeys.length === 0} title={activeKeys.length === 0 ? t("needKey") : undefined} onClick={() => setModal({ editing: null, key: Date.now() })}>
          {t("add")}
        </Button>
      }
    >
      {subscriptions.isError ? (
        <ErrorState title={t("loadFailed")} message={subscriptions.error.message || tc("error.message")} retryLabel={tc("error.retry")} onRetry={() => void subscriptions.refetch()} />
      ) : (
        <DataTable
          caption={t("title")}
          columns={columns}
          data={subscriptions.data ?? []}
          getRowId={(row) => row.id}
          loading={subscriptions.isPending}
          maxHeight={420}
          rowTone={(row) => (row.active && row.failed > 0 ? "danger" : null)}
          labels={tableLabels}
          empty={<EmptyState icon={<IconWebhook size={28} aria-hidden />} title={t("empty")} description={activeKeys.length === 0 ? t("needKey") : t("emptyHint")} />}
        />
      )}
      {modal ? <WebhookSubscriptionModal key={modal.key} editing={modal.editing} keys={activeKeys} onClose={() => setModal(null)} /> : null}
      <Modal opened={rotating !== null} onClose={closeRotate} title={rotated ? t("rotatedTitle") : t("rotateTitle")} size="lg" centered closeOnClickOutside={!rotated} closeButtonProps={{ "aria-label": t("close") }}>
        <Stack gap="md">
          {rotated ? (
            <>
              <Text size="sm">{t("rotatedIntro", { url: rotating?.url ?? "" })}</Text>
              <OneTimeSecret label={t("secretLabel")} value={rotated} warning={t("secretWarning")} />
              <Group justify="flex-end">
                <Button size="md" onClick={closeRotate}>
                  {t("done")}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm">{t("rotateMessage", { url: rotating?.url ?? "" })}</Text>
              {rotate.error ? (
                <Alert color="red" variant="light" role="alert">
                  {rotate.error.message || t("failed")}
                </Alert>
              ) : null}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" size="md" onClick={closeRotate} data-autofocus>
                  {t("cancel")}
                </Button>
                <Button color="orange" size="md" loading={rotate.isPending} onClick={() => rotating && rotate.mutate({ subscriptionId: rotating.id })}>
                  {t("rotateConfirm")}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Modal>
    </Panel>
  );
}
