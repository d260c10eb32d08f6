"use client";
import { ActionIcon, Badge, Group, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { moneyText } from "@oms/ui";
import { IconMinus, IconPlus } from "@tabler/icons-react";
import { useTranslations } from "use-intl";
import { refundPreview, type TillOrderData, type TillStore } from "../orders/shared.ts";

export const REASONS = ["CHANGED_MIND", "DOES_NOT_FIT", "DEFECTIVE", "DAMAGED", "WRONG_ITEM", "NOT_AS_DESCRIBED", "ARRIVED_LATE", "OTHER"] as const;
export const CONDITIONS = ["SELLABLE", "DAMAGED", "QUALITY_CHECK"] as const;
export type Reason = (typeof REASONS)[number];
export type Condition = (typeof CONDITIONS)[number];

export interface LineChoice {
  quantity: number;
  reason: Reason | "";
  condition: Condition;
}

/**
 * The order's lines: bought, already returned, returnable, and what comes back now. The
 * stepper never goes above returnable (the server refuses it too); reason and condition
 * are chosen per line.
 */
export function ReturnLines({ order, store, choices, onChange }: { order: TillOrderData; store: TillStore; choices: Record<string, LineChoice>; onChange: (lineId: string, choice: LineChoice) => void }) {
  const t = useTranslations("posReturns.lines");
  const money = (n: number) => moneyText(n, order.currency, store.locale);
  return (
    <Stack gap="xs" role="list" aria-label={t("label")} mt="sm">
      {order.lines.map((line) => {
        const choice = choices[line.orderLineId] ?? { quantity: 0, reason: "", condition: "SELLABLE" };
        const set = (patch: Partial<LineChoice>) => onChange(line.orderLineId, { ...choice, ...patch });
        const none = line.returnable === 0;
        return (
          <Paper key={line.orderLineId} withBorder radius="md" p="sm" role="listitem" data-testid="return-line" aria-label={line.name} bg={choice.quantity > 0 ? "var(--mantine-color-teal-0)" : undefined} style={{ opacity: none ? 0.65 : 1 }}>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Text fw={700} truncate>
                  {line.name}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {line.sku} · {money(line.lineTotal)}
                  {line.cancelled > 0 ? ` · ${t("cancelled", { count: line.cancelled })}` : ""}
                </Text>
                <Group gap="md">
                  <Text size="sm" data-testid="line-bought">
                    {t("bought")}: <b>{line.bought}</b>
                  </Text>
                  <Text size="sm" data-testid="line-returned">
                    {t("returned")}: <b>{line.returned}</b>
                  </Text>
                  {none ? (
                    <Badge color="gray" variant="light" tt="none" data-testid="line-returnable">
                      {line.fulfilled < line.bought - line.cancelled && line.returned < line.fulfilled ? t("notHandedOver") : `${t("returnable")}: 0`}
                    </Badge>
                  ) : (
                    <Text size="sm" c="teal.9" data-testid="line-returnable">
                      {t("returnable")}: <b>{line.returnable}</b>
                    </Text>
                  )}
                </Group>
              </Stack>
              <Group gap={4} wrap="nowrap" aria-label={t("now")}>
                <ActionIcon size={48} variant="default" aria-label={t("less", { name: line.name })} disabled={choice.quantity <= 0} onClick={() => set({ quantity: choice.quantity - 1 })}>
                  <IconMinus size={22} />
                </ActionIcon>
                <Text fw={800} size="xl" w={36} ta="center" aria-live="polite" data-testid="return-quantity">
                  {choice.quantity}
                </Text>
                <ActionIcon size={48} variant="default" aria-label={t("more", { name: line.name })} disabled={choice.quantity >= line.returnable} onClick={() => set({ quantity: Math.min(line.returnable, choice.quantity + 1) })}>
                  <IconPlus size={22} />
                </ActionIcon>
              </Group>
              <Text fw={700} w={96} ta="end" style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
                {choice.quantity > 0 ? money(refundPreview(line, choice.quantity)) : "—"}
              </Text>
            </Group>
            {choice.quantity > 0 ? (
              <Group gap="sm" mt="xs" grow>
                <NativeSelect
                  aria-label={t("reasonFor", { name: line.name })}
                  size="md"
                  value={choice.reason}
                  error={!choice.reason ? true : undefined}
                  onChange={(e) => set({ reason: e.currentTarget.value as Reason })}
                  data={[{ value: "", label: t("chooseReason") }, ...REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))]}
                />
                <NativeSelect
                  aria-label={t("conditionFor", { name: line.name })}
                  size="md"
                  value={choice.condition}
                  onChange={(e) => set({ condition: e.currentTarget.value as Condition })}
                  data={CONDITIONS.map((c) => ({ value: c, label: t(`conditions.${c}`) }))}
                />
              </Group>
            ) : null}
          </Paper>
        );
      })}
    </Stack>
  );
}
