"use client";
import { Alert, Anchor, Badge, Button, Checkbox, Group, Kbd, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import type { AppRouter } from "@oms/api";
import { ErrorState, moneyText } from "@oms/ui";
import { IconArrowBackUp, IconArrowLeft, IconCash, IconCreditCard, IconGift, IconReceiptRefund } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { OrderFinder } from "../orders/order-finder.tsx";
import { CHANNEL_COLORS, refundPreview, serverMessage, type TillExchangeData, type TillOrderData, type TillReturnData, type TillStore } from "../orders/shared.ts";
import { rememberedRegister } from "../register/shared.ts";
import { pickRegister } from "../sale/till-register.ts";
import { ExchangePicker, type ChosenItem } from "./exchange-picker.tsx";
import { ReturnDone } from "./return-done.tsx";
import { ReturnLines, type LineChoice } from "./return-lines.tsx";

type StoreRegisters = inferRouterOutputs<AppRouter>["registers"]["list"];
type Method = "ORIGINAL_PAYMENT" | "CASH" | "STORE_CREDIT";

export interface ReturnsScreenProps {
  user: { id: string; name: string };
  store: TillStore;
  initialRegisters: StoreRegisters;
  /** Opened from the order screen ("Return items"). */
  initialOrderId: string | null;
}

export interface Completed {
  order: TillOrderData;
  ret: TillReturnData | TillExchangeData["return"];
  exchange: TillExchangeData | null;
  cardRefunds: TillReturnData["cardRefunds"];
}

/** The open register session this device pays cash from, as the sale screen chooses it. */
function useTillSession(store: TillStore, userId: string, initialRegisters: StoreRegisters) {
  const trpc = useTRPC();
  const registers = useQuery({ ...trpc.registers.list.queryOptions({ locationId: store.id }), initialData: initialRegisters, refetchInterval: 60_000 });
  const [device, setDevice] = useState<string | null>(null);
  // The register this device was set up as (the register screens remember it per store).
  useEffect(() => {
    setDevice(rememberedRegister(store.id));
  }, [store.id]);
  const open = registers.data.registers.filter((r) => r.status === "OPEN" && r.session !== null);
  const register = pickRegister(open, device, userId);
  return { register, sessionId: register?.session?.id ?? null, anyOpen: open.length > 0 };
}

/**
 * POS › Returns: find the order (scan the receipt, type its number, or search the customer),
 * choose what comes back with reason and condition, optionally pick replacement items
 * (exchange), choose the refund method, complete, print the return receipt.
 */
export function ReturnsScreen({ user, store, initialRegisters, initialOrderId }: ReturnsScreenProps) {
  const t = useTranslations("posReturns");
  const [orderId, setOrderId] = useState<string | null>(initialOrderId);
  const [done, setDone] = useState<Completed | null>(null);
  const till = useTillSession(store, user.id, initialRegisters);
  const finderRef = useRef<HTMLInputElement | null>(null);
  const startOver = useCallback(() => {
    setDone(null);
    setOrderId(null);
    window.history.replaceState(null, "", "/pos/returns");
  }, []);

  if (done) return <ReturnDone done={done} store={store} cashierName={user.name} onNew={startOver} />;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t("title")}
          </Title>
          <Text c="dimmed" size="sm">
            {till.register ? t("registerLine", { register: till.register.name, store: store.name }) : t("noRegisterLine", { store: store.name })}
          </Text>
        </Stack>
        {orderId ? (
          <Button variant="default" size="md" leftSection={<IconArrowLeft size={18} aria-hidden />} rightSection={<Kbd size="xs">Esc</Kbd>} onClick={startOver}>
            {t("otherOrder")}
          </Button>
        ) : null}
      </Group>
      {orderId ? (
        <ReturnForm key={orderId} orderId={orderId} store={store} sessionId={till.sessionId} anyOpen={till.anyOpen} onDone={setDone} onBack={startOver} />
      ) : (
        <Paper withBorder radius="md" p="md">
          <OrderFinder store={store} showRecent={false} inputRef={finderRef} label={t("findLabel")} onOpen={(o) => setOrderId(o.id)} />
        </Paper>
      )}
    </Stack>
  );
}

function ReturnForm({ orderId, store, sessionId, anyOpen, onDone, onBack }: { orderId: string; store: TillStore; sessionId: string | null; anyOpen: boolean; onDone: (c: Completed) => void; onBack: () => void }) {
  const t = useTranslations("posReturns");
  const tc = useTranslations("posOrders");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const order = useQuery(trpc.returns.tillOrder.queryOptions({ orderId }));
  const [choices, setChoices] = useState<Record<string, LineChoice>>({});
  const [exchangeOn, setExchangeOn] = useState(false);
  const [items, setItems] = useState<ChosenItem[]>([]);
  const [method, setMethod] = useState<Method | null>(null);
  const [collectCash, setCollectCash] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const exchangeRef = useRef<HTMLInputElement | null>(null);

  const data = order.data;
  const chosenLines = data ? data.lines.filter((l) => (choices[l.orderLineId]?.quantity ?? 0) > 0) : [];
  const returnValue = data ? chosenLines.reduce((s, l) => s + refundPreview(l, choices[l.orderLineId]!.quantity), 0) : 0;
  const newTotal = exchangeOn ? items.reduce((s, c) => s + (c.item.price ?? 0) * c.quantity, 0) : 0;
  const exchange = exchangeOn && items.length > 0;
  const difference = exchange ? newTotal - returnValue : -returnValue;
  const owed = Math.max(0, -difference); // what goes back to the customer
  const hasCard = (data?.payments ?? []).some((p) => p.method === "CARD" && p.amountCaptured > 0);
  const cardOk = hasCard && (data?.cardRefundable ?? 0) >= owed;
  const missingReason = chosenLines.some((l) => !choices[l.orderLineId]!.reason);

  const available: Record<Method, { ok: boolean; hint: string | null }> = {
    ORIGINAL_PAYMENT: { ok: cardOk, hint: !hasCard ? t("refund.noCard") : !cardOk ? t("refund.cardLeft", { amount: moneyText(data?.cardRefundable ?? 0, data?.currency ?? store.currency, store.locale) }) : null },
    CASH: { ok: sessionId !== null && data?.currency === store.currency, hint: sessionId === null ? (anyOpen ? t("refund.chooseRegister") : t("refund.noRegister")) : data?.currency !== store.currency ? t("refund.otherCurrency") : null },
    STORE_CREDIT: { ok: true, hint: null },
  };
  // Refund methods only matter when money goes back; a dearer exchange needs none.
  const needsMethod = owed > 0;
  const effectiveMethod: Method = needsMethod ? (method ?? "STORE_CREDIT") : "STORE_CREDIT";
  const methodValid = !needsMethod || (method !== null && available[method].ok);
  const canSubmit = chosenLines.length > 0 && !missingReason && methodValid && (!exchangeOn || items.length > 0);

  const onSuccess = async (c: Completed) => {
    await queryClient.invalidateQueries(trpc.returns.pathFilter());
    onDone(c);
  };
  const onError = (e: unknown) => setError(serverMessage(e));
  const returnMutation = useMutation(trpc.returns.tillReturn.mutationOptions({ onSuccess: (r) => onSuccess({ order: data!, ret: r, exchange: null, cardRefunds: r.cardRefunds }), onError }));
  const exchangeMutation = useMutation(trpc.returns.tillExchange.mutationOptions({ onSuccess: (r) => onSuccess({ order: data!, ret: r.return, exchange: r, cardRefunds: r.cardRefunds }), onError }));
  const pending = returnMutation.isPending || exchangeMutation.isPending;

  const submit = useCallback(() => {
    if (!data || !canSubmit || pending) return;
    setError(null);
    const lines = chosenLines.map((l) => ({ orderLineId: l.orderLineId, quantity: choices[l.orderLineId]!.quantity, reason: choices[l.orderLineId]!.reason as Exclude<LineChoice["reason"], "">, condition: choices[l.orderLineId]!.condition }));
    const base = { orderId: data.id, locationId: store.id, refundMethod: effectiveMethod, lines, note: null, ...(sessionId ? { registerSessionId: sessionId } : {}) };
    if (exchange) {
      exchangeMutation.mutate({ ...base, newLines: items.map((c) => ({ variantId: c.item.variantId, quantity: c.quantity })), collectInCash: difference > 0 && collectCash && sessionId !== null });
    } else {
      returnMutation.mutate(base);
    }
  }, [data, canSubmit, pending, chosenLines, choices, store.id, effectiveMethod, sessionId, exchange, exchangeMutation, items, difference, collectCash, returnMutation]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const keys: Record<string, () => void> = {
        F9: submit,
        F6: () => {
          setExchangeOn(true);
          setTimeout(() => exchangeRef.current?.focus(), 0);
        },
        F4: () => available.ORIGINAL_PAYMENT.ok && setMethod("ORIGINAL_PAYMENT"),
        F7: () => available.CASH.ok && setMethod("CASH"),
        F8: () => setMethod("STORE_CREDIT"),
        Escape: onBack,
      };
      const action = keys[e.key];
      if (!action || document.querySelector("[role=dialog]")) return;
      e.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  if (order.isError) return <ErrorState title={t("loadFailed")} message={serverMessage(order.error) ?? ""} retryLabel={t("retry")} onRetry={() => void order.refetch()} />;
  if (!data) {
    return (
      <Group gap="xs" c="dimmed">
        <Loader size="sm" />
        <Text>{t("loading")}</Text>
      </Group>
    );
  }
  const money = (n: number) => moneyText(n, data.currency, store.locale);
  const nothingLeft = data.lines.every((l) => l.returnable === 0);
  const methods: { key: Method; icon: ReactNode; shortcut: string }[] = [
    { key: "ORIGINAL_PAYMENT", icon: <IconCreditCard size={22} aria-hidden />, shortcut: "F4" },
    { key: "CASH", icon: <IconCash size={22} aria-hidden />, shortcut: "F7" },
    { key: "STORE_CREDIT", icon: <IconGift size={22} aria-hidden />, shortcut: "F8" },
  ];

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={2} size="h3">
                {t("orderTitle", { number: data.number })}
              </Title>
              <Badge variant="light" color={CHANNEL_COLORS[data.channel] ?? "gray"} tt="none">
                {tc(`channel.${data.channel}`)}
              </Badge>
              <Badge variant="outline" color="gray" tt="none">
                {tc(`status.${data.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {[data.customerName ?? tc("finder.noCustomer"), data.originLocationName, new Intl.DateTimeFormat(store.locale, { dateStyle: "medium", timeZone: store.timeZone }).format(new Date(data.placedAt))].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text size="sm" c="dimmed">
              {t("paid")}
            </Text>
            <Text fw={800} size="xl">
              {money(data.total)}
            </Text>
            <Anchor component={Link} href={`/pos/orders/${data.id}`} size="sm">
              {t("orderDetails")}
            </Anchor>
          </Stack>
        </Group>
        {nothingLeft ? (
          <Alert color="gray" variant="light" mt="sm">
            {t("nothingLeft")}
          </Alert>
        ) : null}
        <ReturnLines order={data} store={store} choices={choices} onChange={(id, c) => setChoices((prev) => ({ ...prev, [id]: c }))} />
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb={exchangeOn ? "sm" : 0}>
          <Checkbox size="md" label={t("exchange.toggle")} checked={exchangeOn} onChange={(e) => setExchangeOn(e.currentTarget.checked)} />
          <Text size="sm" c="dimmed">
            {t("exchange.hint")}
          </Text>
        </Group>
        {exchangeOn ? <ExchangePicker store={store} chosen={items} onChange={setItems} inputRef={exchangeRef} /> : null}
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Stack gap={4}>
              <Title order={2} size="h4">
                {needsMethod ? t("refund.title") : t("refund.titleNone")}
              </Title>
              {needsMethod ? (
                <Group gap="sm" grow role="radiogroup" aria-label={t("refund.title")}>
                  {methods.map((m) => (
                    <Button
                      key={m.key}
                      role="radio"
                      aria-checked={method === m.key}
                      size="lg"
                      variant={method === m.key ? "filled" : "default"}
                      disabled={!available[m.key].ok}
                      leftSection={m.icon}
                      rightSection={<Kbd size="xs">{m.shortcut}</Kbd>}
                      onClick={() => setMethod(m.key)}
                      styles={{ root: { minHeight: 56 }, label: { whiteSpace: "normal", lineHeight: 1.15 } }}
                    >
                      {t(`refund.method.${m.key}`)}
                    </Button>
                  ))}
                </Group>
              ) : null}
              {needsMethod
                ? methods
                    .filter((m) => available[m.key].hint)
                    .map((m) => (
                      <Text key={m.key} size="xs" c="dimmed">
                        {t(`refund.method.${m.key}`)}: {available[m.key].hint}
                        {m.key === "CASH" && !anyOpen ? (
                          <>
                            {" "}
                            <Anchor component={Link} href="/pos/register" size="xs">
                              {t("refund.openRegister")}
                            </Anchor>
                          </>
                        ) : null}
                      </Text>
                    ))
                : null}
              {exchange && difference > 0 ? (
                <Checkbox
                  size="md"
                  disabled={sessionId === null}
                  checked={collectCash && sessionId !== null}
                  onChange={(e) => setCollectCash(e.currentTarget.checked)}
                  label={t("exchange.collectCash", { amount: money(difference) })}
                  description={sessionId === null ? t("refund.noRegister") : undefined}
                />
              ) : null}
          </Stack>
          <Stack gap={2} maw={360} ms="auto" w="100%" data-testid="return-summary">
              <SummaryRow label={t("summary.returnValue")} value={money(returnValue)} />
              {exchange ? <SummaryRow label={t("summary.newItems")} value={money(newTotal)} /> : null}
              <SummaryRow
                strong
                label={difference > 0 ? t("summary.customerPays") : t("summary.refund")}
                value={money(Math.abs(difference))}
              />
              {exchange ? (
                <Text size="xs" c="dimmed">
                  {t("summary.storePrices")}
                </Text>
              ) : null}
            </Stack>
          {error ? (
            <Alert color="red" variant="light" role="alert" title={t("failed")}>
              {error}
            </Alert>
          ) : null}
          <Group justify="space-between">
            <Text size="sm" c={missingReason ? "red.7" : "dimmed"}>
              {chosenLines.length === 0 ? t("hint.chooseLines") : missingReason ? t("hint.chooseReason") : needsMethod && !methodValid ? t("hint.chooseMethod") : exchangeOn && items.length === 0 ? t("hint.chooseItems") : t("hint.ready")}
            </Text>
            <Button
              size="xl"
              color="teal"
              leftSection={exchange ? <IconArrowBackUp size={24} aria-hidden /> : <IconReceiptRefund size={24} aria-hidden />}
              rightSection={<Kbd size="sm">F9</Kbd>}
              disabled={!canSubmit}
              loading={pending}
              onClick={submit}
            >
              {exchange ? t("completeExchange") : t("complete")}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function SummaryRow({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="md" wrap="nowrap">
      <Text size={strong ? "lg" : "sm"} fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size={strong ? "xl" : "sm"} fw={strong ? 800 : 600} style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
    </Group>
  );
}
