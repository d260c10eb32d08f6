"use client";
import { Alert, Badge, Button, Group, Kbd, Loader, Paper, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { EmptyState } from "@oms/ui";
import { moneyText, dateTimeText } from "@oms/ui";
import { IconBarcode, IconReceiptOff, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type RefObject } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { CHANNEL_COLORS, serverMessage, type TillOrderSummaryData, type TillStore } from "./shared.ts";

interface OrderFinderProps {
  store: TillStore;
  /** A chosen order; `exact` when a scan or typed number matched exactly one order. */
  onOpen: (order: TillOrderSummaryData, exact: boolean) => void;
  /** Without a query the store's recent sales are listed (the orders screen), or nothing (returns). */
  showRecent: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** Heading shown above the field. */
  label: string;
  initialQuery?: string;
}

/**
 * Find an order at the till: scan the receipt (its barcode is the order number: the scanner
 * types it and Enter), type an order number, or a customer's phone, e-mail or name. Any
 * channel, any store. F2 puts the cursor in the field.
 */
export function OrderFinder({ store, onOpen, showRecent, inputRef, label, initialQuery = "" }: OrderFinderProps) {
  const t = useTranslations("posOrders");
  const trpc = useTRPC();
  const ownRef = useRef<HTMLInputElement | null>(null);
  const ref = inputRef ?? ownRef;
  const [text, setText] = useState(initialQuery);
  const [query, setQuery] = useState(initialQuery);
  const enabled = showRecent || query.length > 0;
  const results = useQuery({ ...trpc.returns.findOrders.queryOptions({ locationId: store.id, query: query || undefined }), enabled });
  const autoOpened = useRef<string | null>(null);

  // A scan or typed number that names exactly one order opens it straight away.
  useEffect(() => {
    const rows = results.data;
    if (!rows || !query || autoOpened.current === query) return;
    if (rows.length === 1 && rows[0]!.number.toLowerCase() === query.toLowerCase()) {
      autoOpened.current = query;
      onOpen(rows[0]!, true);
    }
  }, [results.data, query, onOpen]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "F2") {
        e.preventDefault();
        ref.current?.focus();
        ref.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [ref]);

  const money = (amount: number, currency: string) => moneyText(amount, currency, store.locale);
  return (
    <Stack gap="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          autoOpened.current = null;
          setQuery(text.trim());
        }}
      >
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            ref={ref}
            style={{ flex: 1 }}
            size="lg"
            label={
              <>
                {label} <Kbd size="xs">F2</Kbd>
              </>
            }
            placeholder={t("finder.placeholder")}
            leftSection={<IconBarcode size={22} aria-hidden />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            autoFocus
          />
          <Button type="submit" size="lg" leftSection={<IconSearch size={20} aria-hidden />} disabled={!showRecent && text.trim().length === 0}>
            {t("finder.search")}
          </Button>
        </Group>
      </form>
      {results.isError ? (
        <Alert color="red" variant="light" role="alert" title={t("finder.failed")}>
          {serverMessage(results.error)}
        </Alert>
      ) : null}
      {enabled && results.isPending ? (
        <Group gap="xs" c="dimmed">
          <Loader size="sm" />
          <Text size="sm">{t("finder.searching")}</Text>
        </Group>
      ) : null}
      {results.data && results.data.length === 0 ? (
        <EmptyState icon={<IconReceiptOff size={32} aria-hidden />} title={query ? t("finder.noMatch", { query }) : t("finder.noRecent")} description={query ? t("finder.noMatchHint") : t("finder.noRecentHint")} />
      ) : null}
      {results.data && results.data.length > 0 ? (
        <Stack gap={6} role="list" aria-label={query ? t("finder.resultsFor", { query }) : t("finder.recent")}>
          {!query ? (
            <Text size="sm" fw={600} c="dimmed">
              {t("finder.recent")}
            </Text>
          ) : null}
          {results.data.map((o) => (
            <Paper key={o.id} withBorder radius="md" role="listitem">
              <UnstyledButton onClick={() => onOpen(o, false)} p="sm" w="100%" style={{ minHeight: 56 }} data-testid="order-result" aria-label={t("finder.open", { number: o.number })}>
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Group gap="xs" wrap="nowrap">
                      <Text fw={700} size="lg">
                        {o.number}
                      </Text>
                      <Badge variant="light" color={CHANNEL_COLORS[o.channel] ?? "gray"} tt="none">
                        {t(`channel.${o.channel}`)}
                      </Badge>
                      <Badge variant="outline" color="gray" tt="none">
                        {t(`status.${o.status}`)}
                      </Badge>
                    </Group>
                    <Text size="sm" c="dimmed" truncate>
                      {dateTimeText(o.placedAt, store.timeZone, store.locale)} · {o.customerName ?? t("finder.noCustomer")}
                      {o.originLocationName ? ` · ${o.originLocationName}` : ""}
                    </Text>
                  </Stack>
                  <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                    <Text fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
                      {money(o.total, o.currency)}
                    </Text>
                    <Text size="sm" c={o.returnableUnits > 0 ? "teal.8" : "dimmed"}>
                      {t("finder.returnable", { count: o.returnableUnits, units: o.units })}
                    </Text>
                  </Stack>
                </Group>
              </UnstyledButton>
            </Paper>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
