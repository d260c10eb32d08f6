"use client";
import { Alert, Badge, Button, Group, Menu, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { Role } from "@oms/contracts";
import { DateTime, EmptyState, Panel, type DataTableColumn, type DataTablePage } from "@oms/ui";
import { IconCheck, IconDialpad, IconHistory, IconKey, IconPlayerPlay, IconPlus, IconSearch, IconUserOff, IconUsers } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { browserTimeZone } from "../../integrations/shared.ts";
import { SecretModal, type SecretKind } from "./secret-modal.tsx";
import { ROLES, roleColor, type StaffRow } from "./shared.ts";
import { UserModal } from "./user-modal.tsx";
import { QueryTable } from "../query-table.tsx";
import { RowActions } from "../row-actions.tsx";
import { SegmentedFilter } from "../segmented-filter.tsx";

type State = "all" | "active" | "inactive";

/** HQ › Staff: everyone who signs in, filtered on the server, with their account actions. */
export function StaffScreen({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("hqStaff");
  const tc = useTranslations();
  const locale = useLocale();
  const timeZone = useMemo(() => browserTimeZone(), []);
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [searchText, setSearchText] = useState("");
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [locationId, setLocationId] = useState<string | null>(null);
  const [state, setState] = useState<State>("active");
  const [page, setPage] = useState<DataTablePage>({ pageIndex: 0, pageSize: 25 });
  const [editing, setEditing] = useState<{ user: StaffRow | null; key: number } | null>(null);
  const [secret, setSecret] = useState<{ user: StaffRow; kind: SecretKind } | null>(null);
  const [deactivating, setDeactivating] = useState<StaffRow | null>(null);
  const resetPage = () => setPage((p) => ({ ...p, pageIndex: 0 }));
  /** A filter's setter that also goes back to the first page. */
  const refilter =
    <V,>(set: (value: V) => void) =>
    (value: V) => {
      set(value);
      resetPage();
    };

  const locations = useQuery(trpc.locations.list.queryOptions({ includeInactive: true }));
  const locationOptions = useMemo(() => (locations.data ?? []).map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` })), [locations.data]);
  const input = {
    ...(search ? { search } : {}),
    ...(role ? { role } : {}),
    ...(locationId ? { locationId } : {}),
    ...(state === "all" ? {} : { active: state === "active" }),
    page: page.pageIndex,
    pageSize: page.pageSize,
  };
  const list = useQuery({ ...trpc.staff.list.queryOptions(input), placeholderData: keepPreviousData });
  const filtered = Boolean(search || role || locationId || state !== "all");

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.staff.list.pathKey() });
  const deactivate = useMutation(
    trpc.staff.deactivate.mutationOptions({
      onSuccess: async (row) => {
        notifications.show({ color: "teal", icon: <IconCheck size={18} />, message: t("deactivate.done", { name: row.name }) });
        setDeactivating(null);
        await refresh();
      },
    }),
  );
  const reactivate = useMutation(
    trpc.staff.reactivate.mutationOptions({
      onSuccess: async (row) => {
        notifications.show({ color: "teal", icon: <IconCheck size={18} />, message: t("reactivated", { name: row.name }) });
        await refresh();
      },
      onError: (error) => notifications.show({ color: "red", message: error.message || t("actionFailed") }),
    }),
  );

  const columns = useMemo<DataTableColumn<StaffRow>[]>(
    () => [
      {
        id: "name",
        header: t("columns.name"),
        hideable: false,
        cell: (row) => (
          <Stack gap={0} maw={300}>
            <Text size="sm" fw={600} c={row.active ? undefined : "dimmed"} truncate="end">
              {row.name}
              {row.id === currentUserId ? ` ${t("you")}` : ""}
            </Text>
            <Text size="xs" c="dimmed" truncate="end" title={row.email}>
              {row.email}
            </Text>
          </Stack>
        ),
      },
      {
        id: "role",
        header: t("columns.role"),
        cell: (row) => (
          <Badge color={roleColor[row.role]} variant="light" tt="none" style={{ minWidth: "max-content" }}>
            {tc(`roles.${row.role}`)}
          </Badge>
        ),
      },
      {
        id: "home",
        header: t("columns.home"),
        cell: (row) =>
          row.homeLocationName ?? (
            <Text size="sm" c="dimmed">
              {t("filters.wholeNetwork")}
            </Text>
          ),
      },
      {
        id: "signIn",
        header: t("columns.signIn"),
        cell: (row) => (
          <Group gap={4}>
            <Badge size="sm" variant="outline" color="gray" tt="none">
              {t("methods.password")}
            </Badge>
            {row.hasPin ? (
              <Badge size="sm" variant="outline" color="gray" tt="none">
                {t("methods.pin")}
              </Badge>
            ) : null}
          </Group>
        ),
      },
      {
        id: "lastLogin",
        header: t("columns.lastLogin"),
        cell: (row) =>
          row.lastLoginAt ? (
            <Text component="span" size="sm" style={{ whiteSpace: "nowrap" }}>
              <DateTime value={row.lastLoginAt} timeZone={timeZone} locale={locale} />
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t("never")}
            </Text>
          ),
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: (row) => {
          const locked = row.active && row.lockedUntil && new Date(row.lockedUntil) > new Date();
          return (
            <Badge color={!row.active ? "gray" : locked ? "orange" : "teal"} variant="light" style={{ minWidth: "max-content" }}>
              {!row.active ? t("state.inactive") : locked ? t("state.locked") : t("state.active")}
            </Badge>
          );
        },
      },
      {
        id: "actions",
        header: t("columns.actions"),
        align: "end",
        hideable: false,
        cell: (row) => (
          <RowActions editText={t("edit")} editLabel={t("editLabel", { name: row.name })} onEdit={() => setEditing({ user: row, key: Date.now() })} moreLabel={t("moreLabel", { name: row.name })}>
            <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setSecret({ user: row, kind: "password" })}>
              {t("setPassword")}
            </Menu.Item>
            {row.role !== "ADMIN" ? (
              <Menu.Item leftSection={<IconDialpad size={16} aria-hidden />} onClick={() => setSecret({ user: row, kind: "pin" })}>
                {row.hasPin ? t("changePin") : t("setPin")}
              </Menu.Item>
            ) : null}
            <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={() => router.push(`/hq/audit?entityId=${row.id}`)}>
              {t("history")}
            </Menu.Item>
            <Menu.Divider />
            {row.active ? (
              <Menu.Item color="red" leftSection={<IconUserOff size={16} aria-hidden />} disabled={row.id === currentUserId} onClick={() => setDeactivating(row)}>
                {t("deactivate.action")}
              </Menu.Item>
            ) : (
              <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => reactivate.mutate({ userId: row.id })}>
                {t("reactivate")}
              </Menu.Item>
            )}
          </RowActions>
        ),
      },
    ],
    // reactivate/router are stable enough for the life of the screen.
    [t, tc, locale, timeZone, currentUserId],
  );

  return (
    <>
      <Panel
        title={t("tableTitle")}
        description={t("tableHint")}
        actions={
          <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ user: null, key: Date.now() })}>
            {t("add")}
          </Button>
        }
      >
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t("filters.search")}
            placeholder={t("filters.searchPlaceholder")}
            leftSection={<IconSearch size={16} aria-hidden />}
            size="md"
            w={260}
            value={searchText}
            onChange={(e) => refilter(setSearchText)(e.currentTarget.value)}
          />
          <Select
            label={t("filters.role")}
            placeholder={t("filters.any")}
            size="md"
            w={190}
            clearable
            value={role}
            data={ROLES.map((value) => ({ value, label: tc(`roles.${value}`) }))}
            onChange={(value) => refilter(setRole)(value as Role | null)}
          />
          <Select
            label={t("filters.location")}
            placeholder={t("filters.any")}
            size="md"
            w={260}
            clearable
            searchable
            value={locationId}
            data={locationOptions}
            onChange={refilter(setLocationId)}
          />
          <SegmentedFilter
            label={t("filters.state")}
            value={state}
            onChange={refilter(setState)}
            data={[
              { value: "active", label: t("state.active") },
              { value: "inactive", label: t("state.inactive") },
              { value: "all", label: t("filters.all") },
            ]}
          />
        </Group>
        <QueryTable
          hiddenColumnsKey="oms-hq-staff-hidden-columns"
          query={list}
          errorTitle={t("loadFailed")}
          caption={t("tableTitle")}
          columns={columns}
          getRowId={(row) => row.id}
          page={page}
          onPageChange={setPage}
          empty={<EmptyState icon={<IconUsers size={28} aria-hidden />} title={filtered ? t("emptyFiltered") : t("empty")} description={filtered ? t("emptyFilteredHint") : t("emptyHint")} />}
        />
      </Panel>
      {editing ? <UserModal key={editing.key} opened user={editing.user} locations={locationOptions} onClose={() => setEditing(null)} /> : null}
      <SecretModal key={secret ? `${secret.user.id}-${secret.kind}` : "none"} target={secret} onClose={() => setSecret(null)} />
      <Modal
        opened={deactivating !== null}
        onClose={() => {
          deactivate.reset();
          setDeactivating(null);
        }}
        title={t("deactivate.title", { name: deactivating?.name ?? "" })}
        centered
        closeButtonProps={{ "aria-label": t("deactivate.cancel") }}
      >
        <Stack gap="md">
          <Text size="sm">{t("deactivate.message", { name: deactivating?.name ?? "" })}</Text>
          {deactivate.error ? (
            <Alert color="red" variant="light" role="alert">
              {deactivate.error.message || t("actionFailed")}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" onClick={() => setDeactivating(null)}>
              {t("deactivate.cancel")}
            </Button>
            <Button color="red" size="md" loading={deactivate.isPending} onClick={() => deactivating && deactivate.mutate({ userId: deactivating.id })}>
              {t("deactivate.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
