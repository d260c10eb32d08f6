"use client";
import { Badge, Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { ActorKind } from "@oms/contracts";
import { DateTime, EmptyState, Panel, type DataTableColumn, type DataTablePage } from "@oms/ui";
import { IconDownload, IconHistory, IconRefresh, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import { QueryTable } from "../query-table.tsx";
import { AuditEntryDrawer } from "./audit-entry-drawer.tsx";
import { useAuditLabels } from "./labels.ts";
import { dayBound, filtersFromSearch, filtersToSearch, type AuditFilters, type AuditRow } from "./shared.ts";

const ACTOR_KINDS: readonly ActorKind[] = ["USER", "API_KEY", "SYSTEM"];
const actorColor: Record<ActorKind, string> = { USER: "blue", API_KEY: "grape", SYSTEM: "gray" };

/** HQ › Audit log: who changed what and when, newest first, filtered on the server. */
export function AuditScreen() {
  const t = useTranslations("hqAudit");
  const locale = useLocale();
  const timeZone = useMemo(() => browserTimeZone(), []);
  const labels = useAuditLabels();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const openId = params.get("id");
  // The address only seeds the filters (links from a location or a person); after that the
  // filters live in state, and the address carries just the open entry.
  const [initial] = useState(() => filtersFromSearch(new URLSearchParams(params.toString())));

  const [entityType, setEntityType] = useState<string | null>(initial.entityType ?? null);
  const [action, setAction] = useState<string | null>(initial.action ?? null);
  const [actorKind, setActorKind] = useState<ActorKind | null>((initial.actorKind as ActorKind | undefined) ?? null);
  const [actorText, setActorText] = useState(initial.actor ?? "");
  const [entityText, setEntityText] = useState(initial.entityId ?? "");
  const [from, setFrom] = useState(initial.from?.slice(0, 10) ?? "");
  const [to, setTo] = useState(initial.to?.slice(0, 10) ?? "");
  const [actor] = useDebouncedValue(actorText.trim(), 300);
  const [entityId] = useDebouncedValue(entityText.trim(), 300);
  const [page, setPage] = useState<DataTablePage>({ pageIndex: 0, pageSize: 50 });
  const resetPage = () => setPage((p) => ({ ...p, pageIndex: 0 }));
  /** A filter's setter that also goes back to the first page. */
  const refilter =
    <V,>(set: (value: V) => void) =>
    (value: V) => {
      set(value);
      resetPage();
    };

  const filters: AuditFilters = {
    ...(entityType ? { entityType } : {}),
    ...(action ? { action } : {}),
    ...(actorKind ? { actorKind } : {}),
    ...(actor ? { actor } : {}),
    ...(initial.actorId ? { actorId: initial.actorId } : {}),
    ...(entityId ? { entityId } : {}),
    ...(from ? { from: dayBound(from, false) } : {}),
    ...(to ? { to: dayBound(to, true) } : {}),
  };
  const facets = useQuery(trpc.audit.facets.queryOptions());
  const list = useQuery({ ...trpc.audit.list.queryOptions({ ...filters, page: page.pageIndex, pageSize: page.pageSize }), placeholderData: keepPreviousData });
  const filtered = Object.keys(filters).length > 0;
  const actions = (facets.data?.actions ?? []).filter((a) => !entityType || a.entityType === entityType);

  function open(id: string | null) {
    const next = new URLSearchParams(params.toString());
    if (id) next.set("id", id);
    else next.delete("id");
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  const columns = useMemo<DataTableColumn<AuditRow>[]>(
    () => [
      {
        id: "createdAt",
        header: t("columns.time"),
        cell: (row) => (
          <Text component="span" size="sm" style={{ whiteSpace: "nowrap" }}>
            <DateTime value={row.createdAt} timeZone={timeZone} locale={locale} />
          </Text>
        ),
      },
      {
        id: "actor",
        header: t("columns.actor"),
        cell: (row) => (
          <Stack gap={2} maw={220}>
            <Text size="sm" fw={500} truncate="end">
              {row.actorName ?? (row.actorKind === "SYSTEM" ? t("system") : t("unknownActor"))}
            </Text>
            <Badge size="xs" variant="light" color={actorColor[row.actorKind]} tt="none" style={{ alignSelf: "flex-start" }}>
              {t(`actorKinds.${row.actorKind}`)}
            </Badge>
          </Stack>
        ),
      },
      {
        id: "action",
        header: t("columns.action"),
        cell: (row) => (
          <Stack gap={2} maw={260}>
            <Text size="sm" fw={500}>
              {labels.action(row.action)}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {row.action}
            </Text>
          </Stack>
        ),
      },
      {
        id: "entity",
        header: t("columns.entity"),
        cell: (row) => (
          <Stack gap={2} maw={300}>
            <Text size="sm" truncate="end" title={row.entityLabel ?? row.entityId ?? ""}>
              {row.entityLabel ?? (row.entityId ? row.entityId : "—")}
            </Text>
            <Text size="xs" c="dimmed">
              {labels.entityType(row.entityType)}
            </Text>
          </Stack>
        ),
      },
      {
        id: "changed",
        header: t("columns.changed"),
        cell: (row) =>
          row.created ? (
            <Badge size="sm" variant="light" color="teal" tt="none">
              {t("newRecord")}
            </Badge>
          ) : row.changed.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            <Text size="sm" lineClamp={2} maw={320}>
              {row.changed.map(labels.field).join(", ")}
            </Text>
          ),
      },
      {
        id: "open",
        header: t("columns.open"),
        hideable: false,
        align: "end",
        cell: (row) => (
          <Button
            variant="subtle"
            size="compact-md"
            aria-label={t("openLabel", { action: labels.action(row.action) })}
            onClick={(event) => {
              event.stopPropagation();
              open(row.id);
            }}
          >
            {t("open")}
          </Button>
        ),
      },
    ],
    [t, labels, locale, timeZone, params, router, pathname],
  );

  const exportHref = `/hq/audit/export${filtered ? `?${filtersToSearch(filters)}` : ""}`;

  return (
    <>
      <Panel
        title={t("logTitle")}
        description={t("logHint")}
        actions={
          <Group gap="sm">
            <Button variant="default" size="md" leftSection={<IconRefresh size={18} aria-hidden />} loading={list.isFetching && !list.isPending} onClick={() => void list.refetch()}>
              {t("refresh")}
            </Button>
            <Button component="a" href={exportHref} size="md" leftSection={<IconDownload size={18} aria-hidden />} download>
              {t("export")}
            </Button>
          </Group>
        }
      >
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t("filters.entityType")}
            placeholder={t("filters.any")}
            size="md"
            w={200}
            clearable
            value={entityType}
            data={(facets.data?.entityTypes ?? []).map((value) => ({ value, label: labels.entityType(value) }))}
            onChange={(value) => {
              setEntityType(value);
              setAction(null);
              resetPage();
            }}
          />
          <Select
            label={t("filters.action")}
            placeholder={t("filters.any")}
            size="md"
            w={240}
            clearable
            searchable
            value={action}
            data={[...new Set(actions.map((a) => a.action))].map((value) => ({ value, label: labels.action(value) }))}
            onChange={refilter(setAction)}
          />
          <Select
            label={t("filters.actorKind")}
            placeholder={t("filters.any")}
            size="md"
            w={170}
            clearable
            value={actorKind}
            data={ACTOR_KINDS.map((value) => ({ value, label: t(`actorKinds.${value}`) }))}
            onChange={(value) => refilter(setActorKind)(value as ActorKind | null)}
          />
          <TextInput
            label={t("filters.actor")}
            placeholder={t("filters.actorPlaceholder")}
            size="md"
            w={200}
            value={actorText}
            onChange={(e) => refilter(setActorText)(e.currentTarget.value)}
          />
          <TextInput
            label={t("filters.entityId")}
            placeholder={t("filters.entityIdPlaceholder")}
            leftSection={<IconSearch size={16} aria-hidden />}
            size="md"
            w={240}
            value={entityText}
            onChange={(e) => refilter(setEntityText)(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("filters.from")}
            size="md"
            w={170}
            value={from}
            max={to || undefined}
            onChange={(e) => refilter(setFrom)(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("filters.to")}
            size="md"
            w={170}
            value={to}
            min={from || undefined}
            onChange={(e) => refilter(setTo)(e.currentTarget.value)}
          />
        </Group>
        <QueryTable
          hiddenColumnsKey="oms-hq-audit-hidden-columns"
          query={list}
          errorTitle={t("loadFailed")}
          caption={t("logTitle")}
          columns={columns}
          getRowId={(row) => row.id}
          page={page}
          onPageChange={setPage}
          onRowClick={(row) => open(row.id)}
          empty={<EmptyState icon={<IconHistory size={28} aria-hidden />} title={filtered ? t("emptyFiltered") : t("empty")} description={filtered ? t("emptyFilteredHint") : t("emptyHint")} />}
        />
      </Panel>
      <AuditEntryDrawer auditId={openId} timeZone={timeZone} onClose={() => open(null)} />
    </>
  );
}
