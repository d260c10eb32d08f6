"use client";
import { ActionIcon, Badge, Box, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from "@mantine/core";
import { EmptyState, Money } from "@oms/ui";
import { IconBuildingStore, IconMinus, IconPlus, IconScan, IconTrash, IconTruckDelivery } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslations } from "use-intl";
import type { SaleLine } from "./cart.ts";
import { shortcutLabel } from "./keyboard.ts";
import type { PosQuoteData } from "./shared.ts";

interface CartLinesProps {
  lines: SaleLine[];
  /** The server's prices for exactly these lines; null while they are being priced. */
  quote: PosQuoteData | null;
  selected: number;
  currency: string;
  locale: string;
  onSelect: (index: number) => void;
  onStep: (index: number, delta: number) => void;
  onVoid: (index: number) => void;
  onStock: (index: number) => void;
}

/** The cart: one row per line, the selected one marked; big − / + and void for fingers. */
export function CartLines({ lines, quote, selected, currency, locale, onSelect, onStep, onVoid, onStock }: CartLinesProps) {
  const t = useTranslations("posSale.cart");
  const selectedRow = useRef<HTMLDivElement>(null);
  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: "nearest" });
  }, [selected, lines.length]);

  if (lines.length === 0) {
    return (
      <Paper withBorder radius="md" style={{ flex: 1, display: "grid", placeItems: "center" }}>
        <EmptyState icon={<IconScan size={40} aria-hidden />} title={t("emptyTitle")} description={t("emptyHint", { search: shortcutLabel("search") })} />
      </Paper>
    );
  }
  const money = (amount: number) => <Money amount={amount} currency={currency} locale={locale} />;
  return (
    <Paper withBorder radius="md" style={{ flex: 1, minBlockSize: 0, display: "flex", flexDirection: "column" }}>
      <Group justify="space-between" px="md" py={6} style={{ borderBlockEnd: "1px solid var(--mantine-color-gray-3)" }}>
        <Text size="sm" fw={600} c="dimmed">
          {t("heading", { count: lines.reduce((s, l) => s + l.quantity, 0) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("keysHint", { up: shortcutLabel("selectPrevious"), down: shortcutLabel("selectNext"), plus: "+", minus: "-", del: shortcutLabel("voidLine") })}
        </Text>
      </Group>
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap={0} role="listbox" aria-label={t("label")}>
          {lines.map((line, index) => {
            // A previous answer may not know this line yet: only a line of the same item counts.
            const candidate = quote?.lines[index];
            const q = candidate && candidate.variantId === line.variantId ? candidate : undefined;
            const isSelected = index === selected;
            const name = q?.name ?? line.name;
            return (
              <Box
                key={line.key}
                ref={isSelected ? selectedRow : undefined}
                role="option"
                aria-selected={isSelected}
                aria-label={name}
                data-testid="sale-line"
                onClick={() => onSelect(index)}
                px="md"
                py={8}
                bg={isSelected ? "blue.0" : undefined}
                style={{ borderBlockEnd: "1px solid var(--mantine-color-gray-2)", borderInlineStart: `4px solid ${isSelected ? "var(--mantine-color-blue-6)" : "transparent"}`, cursor: "pointer" }}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm" align="center">
                  <Stack gap={2} style={{ minInlineSize: 0, flex: 1 }}>
                    <Text fw={600} lh={1.25} lineClamp={2}>
                      {name}
                    </Text>
                    <Group gap={6} wrap="wrap">
                      <Text size="xs" c="dimmed">
                        {q?.sku ?? line.sku}
                      </Text>
                      {q ? (
                        <Text size="xs" c="dimmed">
                          {q.unitPrice !== q.catalogUnitPrice ? (
                            <>
                              <s>{money(q.catalogUnitPrice)}</s> {money(q.unitPrice)}
                            </>
                          ) : (
                            money(q.unitPrice)
                          )}{" "}
                          {t("each")}
                        </Text>
                      ) : null}
                      {q && q.discountTotal > 0 ? (
                        <Badge size="sm" color="grape" variant="light" tt="none">
                          {t("discount")} {money(-q.discountTotal)}
                        </Badge>
                      ) : null}
                      {line.priceOverride !== undefined ? (
                        <Badge size="sm" color="orange" variant="light" tt="none">
                          {t("overridden")}
                        </Badge>
                      ) : null}
                      {line.fulfillment?.type === "SHIP" ? (
                        <Badge size="sm" color="indigo" variant="light" tt="none" leftSection={<IconTruckDelivery size={12} aria-hidden />}>
                          {t("ship")}
                        </Badge>
                      ) : null}
                      {line.fulfillment?.type === "PICKUP" ? (
                        <Badge size="sm" color="indigo" variant="light" tt="none" leftSection={<IconBuildingStore size={12} aria-hidden />}>
                          {t("pickupElsewhere")}
                        </Badge>
                      ) : null}
                    </Group>
                    {q?.short ? (
                      <UnstyledButton
                        onClick={(e) => {
                          e.stopPropagation();
                          onStock(index);
                        }}
                        data-testid="line-short"
                      >
                        <Text size="xs" c="orange.9" fw={600} td="underline">
                          {t("short", { available: q.available ?? 0, key: shortcutLabel("stock") })}
                        </Text>
                      </UnstyledButton>
                    ) : null}
                  </Stack>
                  <Group gap={4} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
                    <ActionIcon size={44} variant="default" radius="md" aria-label={t("less", { name })} disabled={line.quantity <= 1} onClick={() => (onSelect(index), onStep(index, -1))}>
                      <IconMinus size={18} />
                    </ActionIcon>
                    <Text fw={700} size="lg" w={40} ta="center" style={{ fontVariantNumeric: "tabular-nums" }} aria-label={t("quantity", { count: line.quantity })}>
                      {line.quantity}
                    </Text>
                    <ActionIcon size={44} variant="default" radius="md" aria-label={t("more", { name })} onClick={() => (onSelect(index), onStep(index, 1))}>
                      <IconPlus size={18} />
                    </ActionIcon>
                  </Group>
                  <Text fw={700} miw={84} ta="end" style={{ fontVariantNumeric: "tabular-nums" }}>
                    {q ? money(q.total) : "…"}
                  </Text>
                  <ActionIcon size={44} variant="subtle" color="red" radius="md" aria-label={t("void", { name })} onClick={(e) => (e.stopPropagation(), onVoid(index))}>
                    <IconTrash size={20} />
                  </ActionIcon>
                </Group>
              </Box>
            );
          })}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}
