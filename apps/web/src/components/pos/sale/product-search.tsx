"use client";
import { Badge, Box, Group, Kbd, Loader, Paper, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { Money } from "@oms/ui";
import { IconBarcode, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useImperativeHandle, useRef, useState, type Ref } from "react";
import { useTranslations } from "use-intl";
import type { OfflineCatalog } from "@oms/contracts";
import { useTRPC } from "../../../trpc/client.tsx";
import { cachedProduct } from "../offline/offline-products.ts";
import { searchCatalog } from "../offline/offline-sale.ts";
import { shortcutLabel } from "./keyboard.ts";
import { serverMessage, type PosProductData } from "./shared.ts";

export interface ProductSearchHandle {
  focus(): void;
}

interface ProductSearchProps {
  ref?: Ref<ProductSearchHandle>;
  locationId: string;
  currency: string;
  locale: string;
  onPick: (product: PosProductData) => void;
  /** An exact code typed or scanned into the field; resolves true when it was added. */
  onCode: (code: string) => Promise<boolean>;
  /** Offline: search this cached catalogue instead of the server (no stock shown). */
  offlineCatalog?: OfflineCatalog | null;
}

/**
 * The search field (F2): name, SKU or barcode. Results appear under it; ↑/↓ choose, Enter
 * adds the highlighted or first one. Enter before the list has answered for the text treats
 * it as a code (a scanner typing into the field), so scanning works with focus here too.
 */
export function ProductSearch({ ref, locationId, currency, locale, onPick, onCode, offlineCatalog }: ProductSearchProps) {
  const t = useTranslations("posSale.search");
  const trpc = useTRPC();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [debounced] = useDebouncedValue(text.trim(), 200);
  useImperativeHandle(ref, () => ({ focus: () => (input.current?.focus(), input.current?.select()) }), []);

  const results = useQuery({ ...trpc.pos.searchProducts.queryOptions({ locationId, query: debounced, limit: 8 }), enabled: debounced.length >= 2 && !offlineCatalog });
  const items = debounced.length < 2 ? [] : offlineCatalog ? searchCatalog(offlineCatalog, debounced).map((i) => cachedProduct(i, offlineCatalog)) : (results.data ?? []);
  const showList = open && debounced.length >= 2 && text.trim().length >= 2;

  const reset = () => {
    setText("");
    setActive(-1);
    setOpen(false);
  };
  const pick = (product: PosProductData) => {
    onPick(product);
    reset();
  };

  async function onEnter() {
    const code = text.trim();
    // A name typed and the list shown for it: Enter takes the highlighted (or first) result.
    const chosen = active >= 0 ? items[active] : debounced === code && !results.isFetching ? items[0] : undefined;
    if (chosen) return pick(chosen);
    if (!code) return;
    // A scanner types faster than the list loads: try the exact code first.
    if (await onCode(code)) return reset();
    if (items.length === 1) pick(items[0]!);
  }

  const listId = "pos-search-results";
  return (
    <Box pos="relative">
      <TextInput
        ref={input}
        size="lg"
        aria-label={t("label")}
        placeholder={t("placeholder")}
        leftSection={<IconSearch size={20} aria-hidden />}
        rightSection={results.isFetching ? <Loader size="xs" /> : <Kbd size="xs">{shortcutLabel("search")}</Kbd>}
        rightSectionWidth={48}
        value={text}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setActive(-1);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            void onEnter();
          } else if (e.key === "ArrowDown" && items.length) {
            e.preventDefault();
            setActive((a) => Math.min(items.length - 1, a + 1));
          } else if (e.key === "ArrowUp" && items.length) {
            e.preventDefault();
            setActive((a) => Math.max(-1, a - 1));
          } else if (e.key === "Escape") {
            if (text) e.preventDefault();
            reset();
            input.current?.blur();
          }
        }}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
      />
      {showList ? (
        <Paper withBorder shadow="md" radius="md" pos="absolute" left={0} right={0} top="calc(100% + 4px)" style={{ zIndex: 20, maxBlockSize: 420, overflowY: "auto" }}>
          {results.isError ? (
            <Text p="md" c="red.8" size="sm">
              {serverMessage(results.error)}
            </Text>
          ) : items.length === 0 ? (
            <Text p="md" c="dimmed" size="sm">
              {results.isFetching ? t("searching") : t("none", { query: debounced })}
            </Text>
          ) : (
            <Stack gap={0} id={listId} role="listbox" aria-label={t("results")}>
              {items.map((p, i) => (
                <UnstyledButton
                  key={p.variantId}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(p)}
                  px="md"
                  py="sm"
                  bg={i === active ? "blue.0" : undefined}
                  style={{ minBlockSize: 56, borderBlockEnd: "1px solid var(--mantine-color-gray-2)" }}
                  data-testid="search-result"
                >
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Stack gap={0} style={{ minInlineSize: 0 }}>
                      <Text fw={600} truncate>
                        {p.name}
                      </Text>
                      <Group gap={6} wrap="nowrap">
                        <Text size="xs" c="dimmed">
                          {p.sku}
                        </Text>
                        {p.barcodes[0] ? (
                          <Text size="xs" c="dimmed">
                            <IconBarcode size={12} aria-hidden style={{ verticalAlign: "-2px" }} /> {p.barcodes[0]}
                          </Text>
                        ) : null}
                      </Group>
                    </Stack>
                    <Group gap="sm" wrap="nowrap">
                      {offlineCatalog ? null : (
                        <Badge variant="light" color={p.available > 0 ? "teal" : "red"} tt="none">
                          {t("inStock", { count: p.available })}
                        </Badge>
                      )}
                      <Text fw={700} miw={80} ta="end">
                        {p.unitPrice === null ? t("noPrice") : <Money amount={p.unitPrice} currency={currency} locale={locale} />}
                      </Text>
                    </Group>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </Paper>
      ) : null}
    </Box>
  );
}
