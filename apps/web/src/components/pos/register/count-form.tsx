"use client";
import { ActionIcon, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { Money } from "@oms/ui";
import { IconMinus, IconPlus } from "@tabler/icons-react";
import { useTranslations } from "use-intl";
import { countValue, denominationLabel, type DenominationCount } from "./shared.ts";

export interface CountFormProps {
  denominations: number[];
  /** From this denomination up the rows are notes; below, coins. */
  smallestNote: number | null;
  currency: string;
  locale: string;
  value: DenominationCount;
  onChange: (next: DenominationCount) => void;
  disabled?: boolean;
  /** Field errors by denomination (from the server). */
  errors?: Record<string, string>;
}

/**
 * Counting a drawer: one row per note and coin, big − / + for touch and a number field for
 * the keyboard, the row's value and a running total that is always in sight.
 */
export function CountForm({ denominations, smallestNote, currency, locale, value, onChange, disabled, errors }: CountFormProps) {
  const t = useTranslations("registers.count");
  const notes = denominations.filter((d) => smallestNote !== null && d >= smallestNote);
  const coins = denominations.filter((d) => smallestNote === null || d < smallestNote);
  const set = (d: number, n: number) => onChange({ ...value, [String(d)]: Math.max(0, Math.min(100_000, n)) });
  const total = countValue(value);

  const group = (title: string, list: number[]) =>
    list.length === 0 ? null : (
      <Stack gap={6}>
        <Title order={3} size="h5" c="dimmed" tt="uppercase">
          {title}
        </Title>
        {list.map((d) => {
          const label = denominationLabel(d, currency, locale);
          const n = value[String(d)] ?? 0;
          return (
            <Group key={d} gap="xs" wrap="nowrap" data-testid="count-row" data-denomination={d}>
              <Text fw={700} w={72} ta="end" style={{ fontVariantNumeric: "tabular-nums" }}>
                {label}
              </Text>
              <ActionIcon size={44} variant="default" radius="md" aria-label={t("less", { denomination: label })} disabled={disabled || n === 0} onClick={() => set(d, n - 1)}>
                <IconMinus size={20} aria-hidden />
              </ActionIcon>
              <TextInput
                aria-label={t("howMany", { denomination: label })}
                value={n === 0 ? "" : String(n)}
                placeholder="0"
                inputMode="numeric"
                size="md"
                w={76}
                disabled={disabled}
                error={errors?.[String(d)]}
                styles={{ input: { textAlign: "center", fontVariantNumeric: "tabular-nums", fontWeight: 600 } }}
                onFocus={(e) => e.currentTarget.select()}
                onChange={(e) => {
                  const digits = e.currentTarget.value.replace(/\D/g, "");
                  set(d, digits === "" ? 0 : Number(digits));
                }}
              />
              <ActionIcon size={44} variant="default" radius="md" aria-label={t("more", { denomination: label })} disabled={disabled} onClick={() => set(d, n + 1)}>
                <IconPlus size={20} aria-hidden />
              </ActionIcon>
              <Text size="sm" c={n > 0 ? undefined : "dimmed"} ta="end" style={{ flex: 1, minWidth: 80 }}>
                <Money amount={d * n} currency={currency} locale={locale} />
              </Text>
            </Group>
          );
        })}
      </Stack>
    );

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: coins.length > 0 && notes.length > 0 ? 2 : 1 }} spacing="xl" verticalSpacing="lg">
        {group(t("notes"), notes)}
        {group(t("coins"), coins)}
      </SimpleGrid>
      <Paper withBorder radius="md" p="sm" bg="gray.0" style={{ position: "sticky", bottom: 0, zIndex: 1 }}>
        <Group justify="space-between">
          <Text fw={600}>{t("total")}</Text>
          <Text fw={800} size="xl" data-testid="count-total" aria-live="polite">
            <Money amount={total} currency={currency} locale={locale} />
          </Text>
        </Group>
      </Paper>
    </Stack>
  );
}
