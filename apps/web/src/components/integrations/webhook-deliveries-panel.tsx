"use client";
import { Badge, Button, Code, Group, SegmentedControl, Stack, Text, Tooltip } from "@mantine/core";
import type { AppRouter } from "@oms/api";
import { DataTable, DateTime, EmptyState, ErrorState, Panel, type DataTableColumn } from "@oms/ui";
import { IconRefresh, IconWebhook } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { useTableLabels } from "../table-labels.ts";

type DeliveryRow = inferRouterOutputs<AppRouter>["webhooks"]["deliveries"][number];
type Status = DeliveryRow["status"];
type Filter = Status | "ALL";

const statusColor: Record<Status, string> = { PENDING: "yellow", DELIVERED: "teal", FAILED: "red" };
const filters: Filter[] = ["ALL", "PENDING", "DELIVERED", "FAILED"];
// webhooks.deliveries pages by `limit` only (newest first, 1–200): "Show more" asks for more.
const PAGE = 50;
const MAX = 200;

/** The webhook delivery log: what was sent where, how it went, and when it is tried again. */
export function WebhookDeliveriesPanel({ timeZone }: { timeZone: string }) {
  const t = useTranslations();
  const tableLabels = useTableLabels();
  const locale = useLocale();
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>("ALL");
  const [limit, setLimit] = useState(PAGE);
  const deliveries = useQuery({
    ...trpc.webhooks.deliveries.queryOptions({ limit, ...(filter === "ALL" ? {} : { status: filter }) }),
    placeholderData: keepPreviousData,
  });
  const rows = deliveries.data ?? [];
  const canShowMore = rows.length >= limit && limit < MAX;

  const columns = useMemo<DataTableColumn<DeliveryRow>[]>(
    () => [
      { id: "time", header: t("integrations.deliveries.columns.time"), cell: (row) => <When value={row.createdAt} timeZone={timeZone} locale={locale} /> },
      {
        id: "url",
        header: t("integrations.deliveries.columns.url"),
        cell: (row) => (
          <Stack gap={2} maw={320}>
            <Text size="sm" ff="monospace" truncate="end" title={row.url}>
              {row.url}
            </Text>
            <Text size="xs" c="dimmed">
              {[row.apiKey ? t("integrations.deliveries.keyOf", { name: row.apiKey.name }) : null, row.subscriptionActive ? null : t("integrations.deliveries.endpointOff")]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          </Stack>
        ),
      },
      { id: "topic", header: t("integrations.deliveries.columns.topic"), cell: (row) => <Code>{row.topic}</Code> },
      {
        id: "eventId",
        header: t("integrations.deliveries.columns.eventId"),
        cell: (row) => (
          <Text size="xs" ff="monospace" title={row.eventId}>
            {row.eventId.slice(0, 8)}…
          </Text>
        ),
      },
      {
        id: "status",
        header: t("integrations.deliveries.columns.status"),
        cell: (row) => (
          <Badge color={statusColor[row.status]} variant="light">
            {t(`integrations.deliveries.status.${row.status}`)}
          </Badge>
        ),
      },
      { id: "attempts", header: t("integrations.deliveries.columns.attempts"), align: "end", cell: (row) => row.attempts },
      { id: "lastStatus", header: t("integrations.deliveries.columns.lastStatus"), align: "end", cell: (row) => row.lastStatusCode ?? "—" },
      {
        id: "lastError",
        header: t("integrations.deliveries.columns.lastError"),
        cell: (row) =>
          row.lastError ? (
            <Tooltip label={row.lastError} multiline maw={420} withArrow>
              <Text size="sm" c="red.8" lineClamp={2} maw={260} tabIndex={0}>
                {row.lastError}
              </Text>
            </Tooltip>
          ) : (
            "—"
          ),
      },
      {
        id: "nextAttempt",
        header: t("integrations.deliveries.columns.nextAttempt"),
        cell: (row) => (row.status === "PENDING" ? <When value={row.nextAttemptAt} timeZone={timeZone} locale={locale} /> : "—"),
      },
    ],
    [t, locale, timeZone],
  );

  return (
    <Panel
      title={t("integrations.deliveries.title")}
      description={t("integrations.deliveries.hint")}
      actions={
        <>
          <Button
            variant="default"
            size="md"
            leftSection={<IconRefresh size={18} aria-hidden />}
            loading={deliveries.isFetching && !deliveries.isPending}
            onClick={() => void deliveries.refetch()}
          >
            {t("integrations.deliveries.refresh")}
          </Button>
        </>
      }
    >
      <Group gap="sm">
        <Text size="sm" fw={500} id="delivery-filter-label">
          {t("integrations.deliveries.filterLabel")}
        </Text>
        <SegmentedControl
          aria-labelledby="delivery-filter-label"
          size="md"
          value={filter}
          onChange={(value) => {
            setFilter(value as Filter);
            setLimit(PAGE);
          }}
          data={filters.map((value) => ({ value, label: value === "ALL" ? t("integrations.deliveries.all") : t(`integrations.deliveries.status.${value}`) }))}
        />
      </Group>
      {deliveries.isError ? (
        <ErrorState
          title={t("integrations.deliveries.loadFailed")}
          message={deliveries.error.message || t("error.message")}
          retryLabel={t("error.retry")}
          onRetry={() => void deliveries.refetch()}
        />
      ) : (
        <>
          <DataTable
            caption={t("integrations.deliveries.title")}
            columns={columns}
            data={rows}
            getRowId={(row) => row.id}
            loading={deliveries.isPending || (deliveries.isFetching && deliveries.isPlaceholderData)}
            maxHeight={560}
            labels={tableLabels}
            empty={
              <EmptyState
                icon={<IconWebhook size={28} aria-hidden />}
                title={filter === "ALL" ? t("integrations.deliveries.empty") : t("integrations.deliveries.emptyFiltered")}
                description={filter === "ALL" ? t("integrations.deliveries.emptyHint") : t("integrations.deliveries.emptyFilteredHint")}
              />
            }
          />
          {rows.length > 0 ? (
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed" role="status">
                {t("integrations.deliveries.showing", { count: rows.length })}
              </Text>
              {canShowMore ? (
                <Button variant="light" size="md" loading={deliveries.isFetching} onClick={() => setLimit((value) => Math.min(MAX, value + PAGE))}>
                  {t("integrations.deliveries.more")}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </>
      )}
    </Panel>
  );
}

function When(props: { value: Date; timeZone: string; locale: string }) {
  return (
    <Text component="span" size="sm" style={{ whiteSpace: "nowrap" }}>
      <DateTime {...props} />
    </Text>
  );
}
