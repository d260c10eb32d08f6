"use client";
import { Badge, Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { AppRouter } from "@oms/api";
import { DataTable, DateTime, EmptyState, ErrorState, Panel, type DataTableColumn, type DataTablePage } from "@oms/ui";
import { IconMail, IconMessage, IconRefresh, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import { MailMessageDrawer } from "./mail-message-drawer.tsx";
import { MAIL_TEMPLATES, statusColor, type MailStatus, type MailTemplate } from "./shared.ts";

type Row = inferRouterOutputs<AppRouter>["notifications"]["list"]["rows"][number];
type StatusFilter = MailStatus | "ALL";

/** HQ › Mail: every message to a customer as it was rendered, how sending went, and resend. */
export function MailLogScreen({ timeZone: storeZone }: { timeZone: string | null }) {
  const timeZone = useMemo(() => storeZone ?? browserTimeZone(), [storeZone]);
  const t = useTranslations("mail");
  const tc = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const openId = params.get("id");

  const [status, setStatus] = useState<StatusFilter>("ALL");
  const [template, setTemplate] = useState<MailTemplate | null>(null);
  const [recipientText, setRecipientText] = useState("");
  const [orderText, setOrderText] = useState("");
  const [recipient] = useDebouncedValue(recipientText.trim(), 300);
  const [orderNumber] = useDebouncedValue(orderText.trim(), 300);
  const [page, setPage] = useState<DataTablePage>({ pageIndex: 0, pageSize: 25 });

  const input = {
    page: page.pageIndex,
    pageSize: page.pageSize,
    ...(status === "ALL" ? {} : { status }),
    ...(template ? { template } : {}),
    ...(recipient ? { recipient } : {}),
    ...(orderNumber ? { orderNumber } : {}),
  };
  // Queued messages turn SENT within seconds (the job runner): keep the log current.
  const list = useQuery({ ...trpc.notifications.list.queryOptions(input), placeholderData: keepPreviousData, refetchInterval: 5_000 });
  const rows = list.data?.rows ?? [];
  const counts = list.data?.counts;
  const filtered = status !== "ALL" || template !== null || recipient !== "" || orderNumber !== "";

  function open(id: string | null) {
    const next = new URLSearchParams(params.toString());
    if (id) next.set("id", id);
    else next.delete("id");
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }
  const resetPage = () => setPage((p) => ({ ...p, pageIndex: 0 }));

  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      {
        id: "createdAt",
        header: t("columns.createdAt"),
        cell: (row) => (
          <Text component="span" size="sm" style={{ whiteSpace: "nowrap" }}>
            <DateTime value={row.createdAt} timeZone={timeZone} locale={locale} />
          </Text>
        ),
      },
      {
        id: "recipient",
        header: t("columns.recipient"),
        hideable: false,
        cell: (row) => (
          <Group gap={6} wrap="nowrap" maw={260}>
            {row.channel === "EMAIL" ? <IconMail size={16} aria-label={t("channel.EMAIL")} /> : <IconMessage size={16} aria-label={t("channel.SMS")} />}
            <Text size="sm" truncate="end" title={row.recipient}>
              {row.recipient}
            </Text>
          </Group>
        ),
      },
      {
        id: "subject",
        header: t("columns.subject"),
        cell: (row) => (
          <Stack gap={2} maw={380}>
            <Text size="sm" fw={500} lineClamp={1} title={row.subject}>
              {row.subject}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`templates.${row.template as MailTemplate}`)}
            </Text>
          </Stack>
        ),
      },
      {
        id: "order",
        header: t("columns.order"),
        cell: (row) => (
          <Text component="span" size="sm" style={{ whiteSpace: "nowrap" }}>
            {row.orderNumber ?? "—"}
          </Text>
        ),
      },
      { id: "location", header: t("columns.location"), cell: (row) => row.locationName ?? "—" },
      {
        id: "status",
        header: t("columns.status"),
        width: 112,
        cell: (row) =>
          row.status === "FAILED" && row.lastError ? (
            <Tooltip label={row.lastError} multiline maw={420} withArrow>
              <Badge color={statusColor[row.status]} variant="light" tabIndex={0} style={{ minWidth: "max-content" }}>
                {t(`status.${row.status}`)}
              </Badge>
            </Tooltip>
          ) : (
            <Badge color={statusColor[row.status]} variant="light" style={{ minWidth: "max-content" }}>
              {t(`status.${row.status}`)}
            </Badge>
          ),
      },
      { id: "attempts", header: t("columns.attempts"), align: "end", cell: (row) => row.attempts },
      {
        id: "open",
        header: t("columns.open"),
        hideable: false,
        cell: (row) => (
          <Button
            variant="subtle"
            size="compact-md"
            onClick={(event) => {
              event.stopPropagation();
              open(row.id);
            }}
            aria-label={t("openMessage", { subject: row.subject })}
          >
            {t("open")}
          </Button>
        ),
      },
    ],
    // `open` is rebuilt from these on every render; the columns only need the current URL.
    [t, locale, timeZone, params, router, pathname],
  );

  const statusLabel = (value: StatusFilter) => {
    const label = value === "ALL" ? t("all") : t(`status.${value}`);
    if (!counts) return label;
    const count = value === "ALL" ? counts.QUEUED + counts.SENT + counts.FAILED : counts[value];
    return `${label} (${count})`;
  };

  return (
    <>
      <Panel
        title={t("logTitle")}
        description={t("logHint")}
        actions={
          <Button variant="default" size="md" leftSection={<IconRefresh size={18} aria-hidden />} loading={list.isFetching && !list.isPending} onClick={() => void list.refetch()}>
            {t("refresh")}
          </Button>
        }
      >
        <Group gap="md" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="mail-status-label">
              {t("filters.status")}
            </Text>
            <SegmentedControl
              aria-labelledby="mail-status-label"
              size="md"
              value={status}
              onChange={(value) => {
                setStatus(value as StatusFilter);
                resetPage();
              }}
              data={(["ALL", "QUEUED", "SENT", "FAILED"] as const).map((value) => ({ value, label: statusLabel(value) }))}
            />
          </Stack>
          <Select
            label={t("filters.template")}
            placeholder={t("filters.anyTemplate")}
            size="md"
            clearable
            w={200}
            value={template}
            onChange={(value) => {
              setTemplate(value as MailTemplate | null);
              resetPage();
            }}
            data={MAIL_TEMPLATES.map((value) => ({ value, label: t(`templates.${value}`) }))}
          />
          <TextInput
            label={t("filters.recipient")}
            placeholder={t("filters.recipientPlaceholder")}
            size="md"
            w={220}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={recipientText}
            onChange={(event) => {
              setRecipientText(event.currentTarget.value);
              resetPage();
            }}
          />
          <TextInput
            label={t("filters.order")}
            placeholder={t("filters.orderPlaceholder")}
            size="md"
            w={160}
            value={orderText}
            onChange={(event) => {
              setOrderText(event.currentTarget.value);
              resetPage();
            }}
          />
        </Group>
        {list.isError ? (
          <ErrorState title={t("loadFailed")} message={list.error.message || tc("error.message")} retryLabel={tc("error.retry")} onRetry={() => void list.refetch()} />
        ) : (
          <DataTable
            caption={t("logTitle")}
            columns={columns}
            data={rows}
            getRowId={(row) => row.id}
            loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
            onRowClick={(row) => open(row.id)}
            rowTone={(row) => (row.status === "FAILED" ? "danger" : null)}
            pagination={{ ...page, rowCount: list.data?.total ?? 0, onChange: setPage, pageSizes: [25, 50, 100] }}
            labels={{
              loading: tc("table.loading"),
              pageSize: tc("table.pageSize"),
              sort: tc("table.sort"),
              range: (from, to, total) => tc("table.range", { from, to, total }),
            }}
            empty={
              <EmptyState
                icon={<IconMail size={28} aria-hidden />}
                title={filtered ? t("emptyFiltered") : t("empty")}
                description={filtered ? t("emptyFilteredHint") : t("emptyHint")}
              />
            }
          />
        )}
      </Panel>
      <MailMessageDrawer notificationId={openId} timeZone={timeZone} onClose={() => open(null)} />
    </>
  );
}
