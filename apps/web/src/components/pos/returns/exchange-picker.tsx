"use client";
import { ActionIcon, Alert, Badge, Button, Group, Kbd, Paper, Stack, Text, TextInput } from "@mantine/core";
import { moneyText } from "@oms/ui";
import { IconMinus, IconPlus, IconSearch, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState, type RefObject } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { serverMessage, type ExchangeItemData, type TillStore } from "../orders/shared.ts";

export interface ChosenItem {
  item: ExchangeItemData;
  quantity: number;
}

/**
 * Replacement items for an exchange: scan a barcode or type a SKU or name (F6), add the
 * item, set how many. Priced at this store; the server prices them again when it books.
 */
export function ExchangePicker({ store, chosen, onChange, inputRef }: { store: TillStore; chosen: ChosenItem[]; onChange: (items: ChosenItem[]) => void; inputRef: RefObject<HTMLInputElement | null> }) {
  const t = useTranslations("posReturns.exchange");
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const results = useQuery({ ...trpc.returns.exchangeItems.queryOptions({ locationId: store.id, query }), enabled: query.length >= 2 });
  const money = (n: number) => moneyText(n, store.currency, store.locale);

  const add = (item: ExchangeItemData) => {
    const existing = chosen.find((c) => c.item.variantId === item.variantId);
    onChange(existing ? chosen.map((c) => (c === existing ? { ...c, quantity: c.quantity + 1 } : c)) : [...chosen, { item, quantity: 1 }]);
  };
  const setQuantity = (variantId: string, quantity: number) =>
    onChange(quantity <= 0 ? chosen.filter((c) => c.item.variantId !== variantId) : chosen.map((c) => (c.item.variantId === variantId ? { ...c, quantity } : c)));

  return (
    <Stack gap="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(text.trim());
        }}
      >
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            ref={inputRef}
            style={{ flex: 1 }}
            size="md"
            label={
              <>
                {t("searchLabel")} <Kbd size="xs">F6</Kbd>
              </>
            }
            placeholder={t("searchPlaceholder")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autoComplete="off"
          />
          <Button type="submit" size="md" variant="default" leftSection={<IconSearch size={18} aria-hidden />} disabled={text.trim().length < 2}>
            {t("search")}
          </Button>
        </Group>
      </form>
      {results.isError ? (
        <Alert color="red" variant="light" role="alert">
          {serverMessage(results.error)}
        </Alert>
      ) : null}
      {results.data && results.data.length === 0 ? <Text c="dimmed">{t("noMatch", { query })}</Text> : null}
      {results.data?.map((item) => (
        <Group key={item.variantId} justify="space-between" wrap="nowrap" data-testid="exchange-result">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} size="sm" truncate>
              {item.name}
            </Text>
            <Text size="xs" c="dimmed">
              {item.sku} · {t("onHand", { count: item.onHand })}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} style={{ fontVariantNumeric: "tabular-nums" }}>
              {item.price === null ? t("noPrice") : money(item.price)}
            </Text>
            <Button size="md" variant="light" leftSection={<IconPlus size={18} aria-hidden />} disabled={item.price === null || item.onHand <= 0} onClick={() => add(item)} aria-label={t("add", { name: item.name })}>
              {t("addShort")}
            </Button>
          </Group>
        </Group>
      ))}
      {chosen.length > 0 ? (
        <Paper withBorder radius="md" p="sm">
          <Stack gap="xs" aria-label={t("chosen")}>
            <Text fw={700} size="sm">
              {t("chosen")}
            </Text>
            {chosen.map((c) => (
              <Group key={c.item.variantId} justify="space-between" wrap="nowrap" data-testid="exchange-item">
                <Text size="sm" fw={600} style={{ minWidth: 0 }} truncate>
                  {c.item.name}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon size={40} variant="default" aria-label={c.quantity === 1 ? t("remove", { name: c.item.name }) : t("less", { name: c.item.name })} onClick={() => setQuantity(c.item.variantId, c.quantity - 1)}>
                    {c.quantity === 1 ? <IconTrash size={18} /> : <IconMinus size={18} />}
                  </ActionIcon>
                  <Text fw={800} w={28} ta="center">
                    {c.quantity}
                  </Text>
                  <ActionIcon size={40} variant="default" aria-label={t("more", { name: c.item.name })} disabled={c.quantity >= c.item.onHand} onClick={() => setQuantity(c.item.variantId, c.quantity + 1)}>
                    <IconPlus size={18} />
                  </ActionIcon>
                  <Badge variant="light" color="gray" size="lg" tt="none" style={{ fontVariantNumeric: "tabular-nums" }}>
                    {money((c.item.price ?? 0) * c.quantity)}
                  </Badge>
                </Group>
              </Group>
            ))}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
