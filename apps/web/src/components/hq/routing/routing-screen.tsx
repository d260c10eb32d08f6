"use client";
import { Alert, Button, Grid, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ErrorState } from "@oms/ui";
import { IconAlertCircle, IconCheck, IconDeviceFloppy, IconPencil } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { basedOn, fieldErrors, fieldsUnder, fromSaved, isDirty, move, newRule, summarize, toInput, type DraftRule, type RoutingNetwork, type SavedRule } from "./draft.ts";
import { ReplayPanel } from "./replay-panel.tsx";
import { RuleFormModal } from "./rule-form-modal.tsx";
import { RulesPanel } from "./rules-panel.tsx";
import { SimulatorPanel } from "./simulator-panel.tsx";

/** HQ › Routing: loads the saved rules and the network, then the editor. */
export function RoutingScreen() {
  const t = useTranslations("hqRouting");
  const trpc = useTRPC();
  const rules = useQuery(trpc.routingRules.list.queryOptions());
  const network = useQuery(trpc.routingRules.network.queryOptions());
  if (rules.isPending || network.isPending) {
    return (
      <Grid aria-busy="true" aria-label={t("loading")}>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Skeleton height={420} radius="md" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Skeleton height={420} radius="md" />
        </Grid.Col>
      </Grid>
    );
  }
  if (rules.isError || network.isError) {
    const error = rules.error ?? network.error;
    return (
      <ErrorState
        title={t("loadFailed")}
        message={error?.message ?? ""}
        retryLabel={t("retry")}
        onRetry={() => {
          void rules.refetch();
          void network.refetch();
        }}
      />
    );
  }
  return <RoutingEditor saved={rules.data} network={network.data} />;
}

function RoutingEditor({ saved, network }: { saved: SavedRule[]; network: RoutingNetwork }) {
  const t = useTranslations("hqRouting");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const savedDraft = useMemo(() => fromSaved(saved), [saved]);
  const [draft, setDraft] = useState<DraftRule[]>(savedDraft);
  // After a save (here, or a reload after someone else's) the draft starts again from the
  // saved rules; the simulator and the replay keep what the manager entered.
  const version = saved.map((r) => `${r.id}@${new Date(r.updatedAt).getTime()}`).join(",");
  const [draftBase, setDraftBase] = useState(version);
  if (version !== draftBase) {
    setDraftBase(version);
    setDraft(savedDraft);
  }
  const [editing, setEditing] = useState<{ index: number | null; rule: DraftRule } | null>(null);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const summary = summarize(savedDraft, draft);
  const dirty = isDirty(summary);

  const save = useMutation(
    trpc.routingRules.save.mutationOptions({
      onMutate: () => {
        setServerFields({});
        setConflict(null);
      },
      onSuccess: async (rows) => {
        notifications.show({ color: "green", icon: <IconCheck size={18} />, message: t("draft.saved") });
        queryClient.setQueryData(trpc.routingRules.list.queryKey(), rows);
      },
      onError: (error) => {
        const fields = fieldErrors(error);
        setServerFields(fields);
        if (Object.keys(fields).length === 0) setConflict(error.message);
      },
    }),
  );

  const update = (next: DraftRule[]) => {
    setDraft(next);
    setServerFields({});
  };
  // The server's field messages ("rules.2.name") shown on the rule they belong to.
  const errorsByKey: Record<string, string> = {};
  draft.forEach((rule, i) => {
    const first = Object.values(fieldsUnder(serverFields, `rules.${i}`))[0];
    if (first) errorsByKey[rule.key] = first;
  });

  const saveButton = (
    <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => save.mutate({ rules: toInput(draft), basedOn: basedOn(saved) })} loading={save.isPending} disabled={!dirty} data-testid="routing-save">
      {t("draft.save")}
    </Button>
  );
  const parts = [
    summary.added ? t("draft.added", { count: summary.added }) : null,
    summary.edited ? t("draft.edited", { count: summary.edited }) : null,
    summary.moved ? t("draft.moved", { count: summary.moved }) : null,
    summary.removed ? t("draft.removed", { count: summary.removed }) : null,
  ].filter(Boolean);

  return (
    <Stack gap="lg">
      {dirty ? (
        <Paper
          withBorder
          p="sm"
          radius="md"
          bg="yellow.0"
          style={{ position: "sticky", insetBlockStart: "calc(var(--app-shell-header-offset, 0px) + 8px)", zIndex: 5, borderColor: "var(--mantine-color-yellow-5)" }}
          data-testid="routing-draft-bar"
        >
          <Group justify="space-between" gap="sm">
            <Group gap="xs" wrap="nowrap">
              <IconPencil size={18} aria-hidden />
              <div>
                <Text size="sm" fw={600}>
                  {t("draft.title", { changes: parts.join(", ") })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("draft.hint")}
                </Text>
              </div>
            </Group>
            <Group gap="sm">
              <Button
                variant="default"
                onClick={() => {
                  update(savedDraft);
                  setConflict(null);
                }}
                disabled={save.isPending}
                data-testid="routing-discard"
              >
                {t("draft.discard")}
              </Button>
              {saveButton}
            </Group>
          </Group>
        </Paper>
      ) : null}
      {conflict ? (
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" title={t("draft.saveFailed")}>
          <Stack gap="xs">
            <Text size="sm">{conflict}</Text>
            <Group>
              <Button size="xs" variant="light" color="red" onClick={() => void queryClient.invalidateQueries({ queryKey: trpc.routingRules.list.queryKey() })}>
                {t("draft.reload")}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : Object.keys(serverFields).length > 0 ? (
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
          {t("draft.fix")}
        </Alert>
      ) : null}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RulesPanel
            saved={savedDraft}
            draft={draft}
            network={network}
            errorsByKey={errorsByKey}
            onToggle={(i, active) => update(draft.map((r, j) => (j === i ? { ...r, active } : r)))}
            onMove={(i, delta) => update(move(draft, i, delta))}
            onEdit={(i) => setEditing({ index: i, rule: draft[i]! })}
            onRemove={(i) => update(draft.filter((_, j) => j !== i))}
            onAdd={() => setEditing({ index: null, rule: newRule() })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <SimulatorPanel network={network} draft={draft} dirty={dirty} />
        </Grid.Col>
      </Grid>
      <ReplayPanel draft={draft} dirty={dirty} saveButton={saveButton} savedVersion={draftBase} />

      {editing ? (
        <RuleFormModal
          rule={editing.rule}
          position={editing.index === null ? draft.length + 1 : editing.index + 1}
          network={network}
          serverErrors={editing.index === null ? {} : fieldsUnder(serverFields, `rules.${editing.index}`)}
          onClose={() => setEditing(null)}
          onApply={(rule) => {
            update(editing.index === null ? [...draft, rule] : draft.map((r, j) => (j === editing.index ? rule : r)));
            setEditing(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
