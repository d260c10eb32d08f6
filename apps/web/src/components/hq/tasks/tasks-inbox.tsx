"use client";
import { Anchor, Badge, Button, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { useDebouncedValue, useLocalStorage } from "@mantine/hooks";
import type { AppRouter } from "@oms/api";
import { Role, TaskKindAny, TaskStatus, type TaskSortField } from "@oms/contracts";
import { DataTable, DateTime, EmptyState, ErrorState, Panel, type DataTableColumn, type DataTableSort } from "@oms/ui";
import { IconAlertTriangle, IconChecklist, IconCircleCheck, IconDownload, IconFilterOff, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useLiveEvents } from "../../../realtime/live-provider.tsx";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import { ResolveTaskModal, type ResolveTarget } from "./resolve-task-modal.tsx";
import { taskExportHref } from "./shared.ts";

type TaskRow = inferRouterOutputs<AppRouter>["tasks"]["inbox"]["items"][number];
type Kind = TaskRow["kind"];
type Status = TaskRow["status"];

const pageSizes = [25, 50, 100];
const HQ = "HQ";

/** Age of a task for people: "3 h", "2 d". */
function ageText(from: Date, now: number, t: (key: string, values: Record<string, number>) => string): { text: string; hours: number } {
  const hours = Math.max(0, Math.floor((now - from.getTime()) / 3_600_000));
  if (hours < 1) return { text: t("age.minutes", { count: Math.max(1, Math.floor((now - from.getTime()) / 60_000)) }), hours };
  if (hours < 48) return { text: t("age.hours", { count: hours }), hours };
  return { text: t("age.days", { count: Math.floor(hours / 24) }), hours };
}

/**
 * HQ › Tasks: the open tasks of every store and of head office in one table, filtered by
 * location, role, kind, status and age on the server; resolve with a note; links to orders.
 */
export function TasksInbox() {
  const t = useTranslations("hqTasks");
  const tt = useTranslations("table");
  const roles = useTranslations("roles");
  const locale = useLocale();
  const trpc = useTRPC();
  const timeZone = useMemo(() => browserTimeZone(), []);
  useLiveEvents();

  const [locationId, setLocationId] = useState<string | null>(null);
  const [assigneeRole, setAssigneeRole] = useState<Role[]>([]);
  const [kind, setKind] = useState<Kind[]>([]);
  const [status, setStatus] = useState<Status[]>(["OPEN", "IN_PROGRESS"]);
  const [olderThan, setOlderThan] = useState<number | null>(null);
  const [searchText, setSearchText] = useState("");
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const [sort, setSort] = useState<DataTableSort>([{ id: "createdAt", desc: false }]);
  const [page, setPage] = useState({ pageIndex: 0, pageSize: 25 });
  // Status is what the filter says (open by default); the column is in the menu for done ones.
  const [hidden, setHidden] = useLocalStorage<string[]>({ key: "oms-hq-tasks-hidden-columns", defaultValue: ["status"] });
  const [resolving, setResolving] = useState<ResolveTarget | null>(null);

  const reset = (fn: () => void) => {
    fn();
    setPage((p) => ({ ...p, pageIndex: 0 }));
  };

  const input = {
    ...(locationId ? { locationId } : {}),
    ...(assigneeRole.length > 0 ? { assigneeRole } : {}),
    ...(kind.length > 0 ? { kind } : {}),
    status: status.length > 0 ? status : (["OPEN", "IN_PROGRESS"] as Status[]),
    ...(olderThan ? { olderThanHours: olderThan } : {}),
    ...(search ? { search } : {}),
    sort: { field: (sort[0]?.id ?? "createdAt") as TaskSortField, desc: sort[0]?.desc ?? false },
    page: page.pageIndex,
    pageSize: page.pageSize,
  };
  const locations = useQuery(trpc.locations.list.queryOptions());
  const tasks = useQuery({ ...trpc.tasks.inbox.queryOptions(input), placeholderData: keepPreviousData, refetchInterval: 120_000 });
  // Ages are counted to the moment of the answer, so they match the rows shown.
  const now = tasks.dataUpdatedAt;

  const columns = useMemo<DataTableColumn<TaskRow>[]>(
    () => [
      {
        id: "title",
        header: t("columns.task"),
        hideable: false,
        cell: (row) => (
          <Stack gap={2} maw={320}>
            <Text size="sm" fw={600} lineClamp={1} title={row.title}>
              {row.title}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2} title={row.instruction}>
              {row.instruction}
            </Text>
          </Stack>
        ),
      },
      {
        id: "kind",
        header: t("columns.kind"),
        sortable: true,
        cell: (row) => (
          <Badge style={{ minWidth: "max-content" }} variant="light" color={row.kind === "VALIDATION" || row.kind === "PROMISE_MISSED" ? "orange" : row.kind.startsWith("LATE") ? "red" : "blue"}>
            {t(`kind.${row.kind}`)}
          </Badge>
        ),
      },
      {
        id: "location",
        header: t("columns.location"),
        sortable: true,
        cell: (row) => (row.location ? <Text size="sm">{row.location.name}</Text> : <Badge variant="outline" color="gray" style={{ minWidth: "max-content" }}>{t("hq")}</Badge>),
      },
      { id: "assigneeRole", header: t("columns.role"), sortable: true, cell: (row) => <Text size="sm">{roles(row.assigneeRole)}</Text> },
      {
        id: "order",
        header: t("columns.order"),
        cell: (row) =>
          row.order ? (
            <Group gap={6} wrap="nowrap">
              <Anchor component={Link} href={`/hq/orders/${row.order.id}`} size="sm" ff="monospace" fw={600}>
                {row.order.number}
              </Anchor>
              {row.order.isLate ? (
                <Tooltip label={t("orderLate")} withArrow>
                  <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-label={t("orderLate")} />
                </Tooltip>
              ) : null}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ),
      },
      {
        id: "createdAt",
        header: t("columns.age"),
        sortable: true,
        cell: (row) => {
          const age = ageText(row.createdAt, now, t as unknown as (key: string, values: Record<string, number>) => string);
          return (
            <Tooltip label={<DateTime value={row.createdAt} timeZone={timeZone} locale={locale} />} withArrow>
              <Text size="sm" c={age.hours >= 24 ? "red.8" : age.hours >= 4 ? "orange.8" : undefined} fw={age.hours >= 24 ? 600 : undefined} tabIndex={0}>
                {age.text}
              </Text>
            </Tooltip>
          );
        },
      },
      {
        id: "dueAt",
        header: t("columns.due"),
        sortable: true,
        cell: (row) =>
          row.dueAt ? (
            <Stack gap={0} style={{ whiteSpace: "nowrap" }}>
              <Text size="sm" c={row.dueAt.getTime() < now && (row.status === "OPEN" || row.status === "IN_PROGRESS") ? "red.8" : undefined}>
                <DateTime value={row.dueAt} timeZone={timeZone} locale={locale} format="date" />
              </Text>
              <Text size="xs" c="dimmed">
                <DateTime value={row.dueAt} timeZone={timeZone} locale={locale} format="time" />
              </Text>
            </Stack>
          ) : (
            "—"
          ),
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: (row) => (
          <Badge variant="dot" color={row.status === "DONE" ? "teal" : row.status === "CANCELLED" ? "gray" : "orange"}>
            {t(`status.${row.status}`)}
          </Badge>
        ),
      },
      {
        id: "actions",
        header: t("columns.actions"),
        hideable: false,
        align: "end",
        cell: (row) =>
          row.status === "OPEN" || row.status === "IN_PROGRESS" ? (
            <Button
              size="xs"
              color="teal"
              variant="light"
              leftSection={<IconChecklist size={14} aria-hidden />}
              onClick={() => setResolving({ id: row.id, title: row.title, instruction: row.instruction })}
              aria-label={t("resolveNamed", { title: row.title })}
            >
              {t("resolveButton")}
            </Button>
          ) : (
            <Text size="xs" c="dimmed" lineClamp={2} maw={200} title={row.resolution ?? undefined}>
              {row.resolution ?? ""}
            </Text>
          ),
      },
    ],
    [t, roles, locale, timeZone, now],
  );

  const locationOptions = [{ value: HQ, label: t("hqOnly") }, ...(locations.data ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.code})` }))];
  const filtered = Boolean(locationId || assigneeRole.length || kind.length || olderThan || search || status.join() !== "OPEN,IN_PROGRESS");
  const data = tasks.data;

  const toolbar = (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label={t("filters.search")}
        placeholder={t("filters.searchPlaceholder")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={searchText}
        onChange={(e) => {
          const value = e.currentTarget.value;
          reset(() => setSearchText(value));
        }}
        w={220}
      />
      <Select
        label={t("filters.location")}
        placeholder={t("filters.allLocations")}
        data={locationOptions}
        value={locationId}
        onChange={(value) => reset(() => setLocationId(value))}
        searchable
        clearable
        w={220}
      />
      <MultiSelect
        label={t("filters.role")}
        placeholder={assigneeRole.length === 0 ? t("filters.any") : undefined}
        data={Role.options.map((value) => ({ value, label: roles(value) }))}
        value={assigneeRole}
        onChange={(value) => reset(() => setAssigneeRole(value as Role[]))}
        clearable
        w={220}
      />
      <MultiSelect
        label={t("filters.kind")}
        placeholder={kind.length === 0 ? t("filters.any") : undefined}
        data={TaskKindAny.options.map((value) => ({ value, label: t(`kind.${value}`) }))}
        value={kind}
        onChange={(value) => reset(() => setKind(value as Kind[]))}
        clearable
        w={220}
        maxDropdownHeight={320}
      />
      <NumberInput
        label={t("filters.olderThan")}
        placeholder={t("filters.anyAge")}
        suffix={t("filters.hoursSuffix")}
        value={olderThan ?? ""}
        min={1}
        max={8760}
        onChange={(value) => reset(() => setOlderThan(typeof value === "number" && value >= 1 ? Math.floor(value) : null))}
        w={150}
      />
      <MultiSelect
        label={t("filters.status")}
        data={TaskStatus.options.map((value) => ({ value, label: t(`status.${value}`) }))}
        value={status}
        onChange={(value) => reset(() => setStatus(value as Status[]))}
        w={240}
      />
      {filtered ? (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() =>
            reset(() => {
              setLocationId(null);
              setAssigneeRole([]);
              setKind([]);
              setStatus(["OPEN", "IN_PROGRESS"]);
              setOlderThan(null);
              setSearchText("");
            })
          }
        >
          {t("filters.reset")}
        </Button>
      ) : null}
    </Group>
  );

  return (
    <Panel
      title={t("tableTitle")}
      description={data ? t("summary", { total: data.total }) : t("tableHint")}
      actions={
        <Button component="a" href={taskExportHref(input)} download variant="default" size="md" leftSection={<IconDownload size={18} aria-hidden />}>
          {t("exportCsv")}
        </Button>
      }
    >
      {tasks.isError ? (
        <ErrorState title={t("loadFailed")} message={tasks.error.message} retryLabel={t("retry")} onRetry={() => void tasks.refetch()} />
      ) : (
        <DataTable
          caption={t("tableTitle")}
          columns={columns}
          data={data?.items ?? []}
          getRowId={(row) => row.id}
          loading={tasks.isPending || (tasks.isFetching && tasks.isPlaceholderData)}
          maxHeight="calc(100vh - 360px)"
          toolbar={toolbar}
          columnVisibility={{ hidden, onChange: setHidden }}
          rowTone={(row) => (row.order?.isLate ? "danger" : null)}
          sorting={{ value: sort, onChange: setSort }}
          pagination={{ ...page, rowCount: data?.total ?? 0, pageSizes, onChange: setPage }}
          labels={{
            loading: tt("loading"),
            pageSize: tt("pageSize"),
            sort: tt("sort"),
            range: (from, to, total) => tt("range", { from, to, total }),
            columns: t("columnsMenu"),
          }}
          empty={
            <EmptyState
              icon={filtered ? <IconChecklist size={28} aria-hidden /> : <IconCircleCheck size={28} aria-hidden />}
              title={filtered ? t("emptyFiltered") : t("empty")}
              description={filtered ? t("emptyFilteredHint") : t("emptyHint")}
            />
          }
        />
      )}
      <ResolveTaskModal target={resolving} onClose={() => setResolving(null)} />
    </Panel>
  );
}
