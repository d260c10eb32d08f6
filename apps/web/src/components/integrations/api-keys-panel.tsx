"use client";
import { Badge, Button, Code, Group, Stack, Text } from "@mantine/core";
import { DataTable, DateTime, EmptyState, ErrorState, Panel, type DataTableColumn } from "@oms/ui";
import { IconBan, IconKey, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@oms/api";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { CreateApiKeyModal } from "./create-api-key-modal.tsx";
import { RevokeApiKeyModal, type RevokeTarget } from "./revoke-api-key-modal.tsx";
import { scopeKey } from "./shared.ts";
import { useTableLabels } from "../table-labels.ts";

type ApiKeyRow = inferRouterOutputs<AppRouter>["apiKeys"]["list"][number];

/** HQ's API keys: who may use the public API, for which channel, with what scopes. */
export function ApiKeysPanel({ timeZone }: { timeZone: string }) {
  const t = useTranslations();
  const tableLabels = useTableLabels();
  const locale = useLocale();
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<RevokeTarget | null>(null);

  const columns = useMemo<DataTableColumn<ApiKeyRow>[]>(
    () => [
      {
        id: "name",
        header: t("integrations.keys.columns.name"),
        cell: (row) => (
          <Text size="sm" fw={600} c={row.revokedAt ? "dimmed" : undefined}>
            {row.name}
          </Text>
        ),
      },
      { id: "channel", header: t("integrations.keys.columns.channel"), cell: (row) => (row.channel === "POS" ? row.channel : t(`integrations.channels.${row.channel}`)) },
      {
        id: "scopes",
        header: t("integrations.keys.columns.scopes"),
        cell: (row) => (
          <Group gap={4}>
            {row.scopes.map((scope) => (
              <Badge key={scope} size="sm" variant="light" color="gray" tt="none" title={t(`integrations.scopes.${scopeKey[scope]}.hint`)}>
                {scope}
              </Badge>
            ))}
          </Group>
        ),
      },
      { id: "prefix", header: t("integrations.keys.columns.prefix"), cell: (row) => <Code style={{ whiteSpace: "nowrap" }}>{row.prefix}</Code> },
      { id: "created", header: t("integrations.keys.columns.created"), cell: (row) => <When value={row.createdAt} timeZone={timeZone} locale={locale} /> },
      {
        id: "lastUsed",
        header: t("integrations.keys.columns.lastUsed"),
        cell: (row) =>
          row.lastUsedAt ? (
            <When value={row.lastUsedAt} timeZone={timeZone} locale={locale} />
          ) : (
            <Text size="sm" c="dimmed">
              {t("integrations.keys.never")}
            </Text>
          ),
      },
      {
        id: "status",
        header: t("integrations.keys.columns.status"),
        cell: (row) =>
          row.revokedAt ? (
            <Stack gap={2}>
              <Badge color="red" variant="light">
                {t("integrations.keys.status.revoked")}
              </Badge>
              <Text size="xs" c="dimmed">
                <DateTime value={row.revokedAt} timeZone={timeZone} locale={locale} />
              </Text>
            </Stack>
          ) : (
            <Badge color="teal" variant="light">
              {t("integrations.keys.status.active")}
            </Badge>
          ),
      },
      {
        id: "actions",
        header: t("integrations.keys.columns.actions"),
        align: "end",
        cell: (row) =>
          row.revokedAt ? null : (
            <Button
              variant="subtle"
              color="red"
              size="sm"
              mih={40}
              leftSection={<IconBan size={16} aria-hidden />}
              aria-label={t("integrations.keys.revokeLabel", { name: row.name })}
              onClick={() => setRevoking({ id: row.id, name: row.name, prefix: row.prefix })}
            >
              {t("integrations.keys.revoke")}
            </Button>
          ),
      },
    ],
    [t, locale, timeZone],
  );

  const createButton = (
    <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
      {t("integrations.keys.create")}
    </Button>
  );

  return (
    <Panel
      title={t("integrations.keys.title")}
      description={t("integrations.keys.hint")}
      actions={createButton}
    >
      {keys.isError ? (
        <ErrorState
          title={t("integrations.keys.loadFailed")}
          message={readMessage(keys.error) ?? t("error.message")}
          retryLabel={t("error.retry")}
          onRetry={() => void keys.refetch()}
        />
      ) : (
        <DataTable
          caption={t("integrations.keys.title")}
          columns={columns}
          data={keys.data ?? []}
          getRowId={(row) => row.id}
          loading={keys.isPending || keys.isFetching}
          maxHeight={420}
          labels={tableLabels}
          empty={<EmptyState icon={<IconKey size={28} aria-hidden />} title={t("integrations.keys.empty")} description={t("integrations.keys.emptyHint")} />}
        />
      )}
      <CreateApiKeyModal opened={creating} onClose={() => setCreating(false)} />
      <RevokeApiKeyModal target={revoking} onClose={() => setRevoking(null)} />
    </Panel>
  );
}

/** A moment on one line: table rows stay one line high at desktop widths. */
function When(props: { value: Date; timeZone: string; locale: string }) {
  return (
    <Text component="span" size="sm" style={{ whiteSpace: "nowrap" }}>
      <DateTime {...props} />
    </Text>
  );
}

function readMessage(error: unknown): string | null {
  return error instanceof Error && error.message ? error.message : null;
}
