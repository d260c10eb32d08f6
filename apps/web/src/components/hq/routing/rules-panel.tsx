"use client";
import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { EmptyState, Panel } from "@oms/ui";
import { IconPencil, IconPlus, IconRoute, IconTrash } from "@tabler/icons-react";
import { useLocale, useTranslations } from "use-intl";
import { changeOf, type DraftRule, type RoutingNetwork } from "./draft.ts";
import { MoveButtons } from "./move-buttons.tsx";
import { describeRule, type RuleT } from "./rule-text.ts";

const changeColor = { new: "teal", edited: "blue", moved: "grape" } as const;

/** The rules in the order routing tries them, with the draft's changes marked. */
export function RulesPanel({
  saved,
  draft,
  network,
  errorsByKey,
  onToggle,
  onMove,
  onEdit,
  onRemove,
  onAdd,
}: {
  saved: DraftRule[];
  draft: DraftRule[];
  network: RoutingNetwork;
  /** Rules the server refused, by key: the first message. */
  errorsByKey: Record<string, string>;
  onToggle: (index: number, active: boolean) => void;
  onMove: (index: number, delta: number) => void;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
}) {
  const t = useTranslations("hqRouting");
  const locale = useLocale();
  const removed = saved.filter((s) => !draft.some((d) => d.id === s.id));
  const addButton = (
    <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
      {t("rules.add")}
    </Button>
  );
  return (
    <Panel title={t("rules.title")} description={t("rules.hint")} actions={draft.length > 0 ? addButton : undefined}>
      {draft.length === 0 ? (
        <EmptyState title={t("rules.empty")} description={t("rules.emptyHint")} icon={<IconRoute size={22} aria-hidden />} action={addButton} />
      ) : (
        <Stack gap="xs" data-testid="routing-rules">
          {draft.map((rule, i) => {
            const change = changeOf(saved, draft, i);
            const text = describeRule(rule, t as unknown as RuleT, network.markets, locale);
            const error = errorsByKey[rule.key];
            const name = rule.name || t("rules.unnamed");
            return (
              <Paper
                key={rule.key}
                withBorder
                p="sm"
                radius="md"
                data-testid="routing-rule"
                data-rule-name={rule.name}
                style={{ borderColor: error ? "var(--mantine-color-red-6)" : change ? `var(--mantine-color-${changeColor[change]}-4)` : undefined, opacity: rule.active ? 1 : 0.7 }}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <ThemeIcon variant="light" color={rule.active ? "blue" : "gray"} radius="xl" size={28} aria-label={t("rules.position", { position: i + 1 })}>
                    <Text size="xs" fw={700}>
                      {i + 1}
                    </Text>
                  </ThemeIcon>
                  <Stack gap={4} style={{ flex: 1, minInlineSize: 0 }}>
                    <Group justify="space-between" wrap="nowrap" gap="xs" align="center">
                      <Group gap={6} style={{ minInlineSize: 0 }}>
                        <Text fw={600} size="sm">
                          {name}
                        </Text>
                        {change ? (
                          <Badge size="xs" variant="light" color={changeColor[change]}>
                            {t(`rules.change.${change}`)}
                          </Badge>
                        ) : null}
                        {!rule.active ? (
                          <Badge size="xs" variant="outline" color="gray">
                            {t("rules.inactive")}
                          </Badge>
                        ) : null}
                        {rule.unreadable ? (
                          <Badge size="xs" variant="light" color="orange">
                            {t("rules.unreadable")}
                          </Badge>
                        ) : null}
                      </Group>
                      <Group gap={2} wrap="nowrap">
                        <MoveButtons
                          canUp={i > 0}
                          canDown={i < draft.length - 1}
                          onMove={(delta) => onMove(i, delta)}
                          labels={{ up: t("rules.upNamed", { name }), down: t("rules.downNamed", { name }) }}
                          tooltips={{ up: t("rules.up"), down: t("rules.down") }}
                        />
                        <Tooltip label={t("rules.edit")}>
                          <ActionIcon variant="subtle" onClick={() => onEdit(i)} aria-label={t("rules.editNamed", { name })}>
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t("rules.remove")}>
                          <ActionIcon variant="subtle" color="red" onClick={() => onRemove(i)} aria-label={t("rules.removeNamed", { name })}>
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        <Switch ms={6} size="sm" checked={rule.active} onChange={(e) => onToggle(i, e.currentTarget.checked)} aria-label={t("rules.toggle", { name })} />
                      </Group>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {text.appliesTo}
                    </Text>
                    <Text size="sm">{text.who}</Text>
                    <Text size="sm" c="dimmed">
                      {text.ranking} {text.then}
                    </Text>
                    {error ? (
                      <Text size="sm" c="red" role="alert">
                        {error}
                      </Text>
                    ) : null}
                  </Stack>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      {removed.length > 0 ? (
        <Text size="sm" c="red.8">
          {t("rules.removedList", { names: removed.map((r) => r.name).join(", ") })}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {t("rules.default")}
      </Text>
    </Panel>
  );
}
