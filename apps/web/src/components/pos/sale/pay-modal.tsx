"use client";
import { Alert, Badge, Button, Group, Loader, Modal, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { denominationsFor, parseMoney, smallestNote, type CashCurrency, type PosCartInput } from "@oms/contracts";
import { Money, moneyText } from "@oms/ui";
import { IconCash, IconCreditCard, IconGift, IconPlugConnectedX, IconTrashX, IconWifi } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { quickCashAmounts } from "./cart.ts";
import { minorToInput, newAttemptId, serverMessage, type CardTenderData, type CheckoutData, type PosQuoteData, type TillContext } from "./shared.ts";

type Method = "cash" | "card" | "credit";

interface PayModalProps {
  till: TillContext;
  cart: PosCartInput;
  revision: number;
  quote: PosQuoteData;
  onClose: () => void;
  /** Paid in full: the receipt screen comes next. */
  onCompleted: (orderId: string) => void;
  /** The sale was voided (tenders given back): the cart starts over. */
  onVoided: () => void;
}

/**
 * F9: checkout. Starting it records the sale and holds the stock (pos.checkout.start); then
 * tenders until nothing is owed: cash (change and the store's cash rounding), card on the
 * register's reader (its state shown live), store credit, in any mix. Esc before anything
 * was paid voids the started sale and goes back to the cart.
 */
export function PayModal({ till, cart, quote, onClose, onCompleted, onVoided }: PayModalProps) {
  const t = useTranslations("posSale.pay");
  const trpc = useTRPC();
  const [checkout, setCheckout] = useState<CheckoutData | null>(null);
  const [method, setMethod] = useState<Method>("cash");
  const [voiding, setVoiding] = useState(false);
  const attempt = useRef(newAttemptId());
  const start = useMutation(trpc.pos.checkout.start.mutationOptions({ onSuccess: setCheckout }));
  const voidSale = useMutation(trpc.pos.checkout.void.mutationOptions());
  const startSale = start.mutate;
  useEffect(() => {
    startSale({ registerSessionId: till.registerSessionId, cart, attemptId: attempt.current });
    // Once per opening: a retry with the same attempt id returns the same sale.
  }, []);

  const finished = useRef(false);
  useEffect(() => {
    if (!checkout?.completed || finished.current) return;
    finished.current = true;
    onCompleted(checkout.orderId);
  }, [checkout, onCompleted]);

  const paidSomething = !!checkout && (checkout.paid > 0 || checkout.pendingCardPaymentId !== null);
  const money = (amount: number) => <Money amount={amount} currency={till.currency} locale={till.locale} />;

  function close() {
    // While the sale is being recorded, leaving would strand it: wait for the answer.
    if (voidSale.isPending || start.isPending) return;
    if (!checkout) return onClose();
    if (paidSomething) return setVoiding(true);
    // Nothing paid: the started sale is voided so its stock is free and the cart can change.
    voidSale.mutate({ orderId: checkout.orderId, reason: t("backToCartReason") }, { onSuccess: onClose, onError: onClose });
  }

  return (
    <Modal opened onClose={close} title={t("title")} size="xl" centered closeButtonProps={{ "aria-label": t("backToCart") }}>
      {start.isError ? (
        <Stack gap="md">
          <Alert color="red" variant="light" role="alert" title={t("startFailed")}>
            {serverMessage(start.error)}
          </Alert>
          <Group justify="flex-end">
            <Button size="md" onClick={onClose}>
              {t("backToCart")}
            </Button>
          </Group>
        </Stack>
      ) : !checkout ? (
        <Group gap="sm" py="xl" justify="center">
          <Loader />
          <Text>{t("starting")}</Text>
        </Group>
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={3} spacing="sm">
            <Figure label={t("total")} value={money(checkout.total)} />
            <Figure label={t("paid")} value={money(checkout.paid)} />
            <Figure label={method === "cash" && checkout.cashDue !== checkout.remaining ? t("cashDue") : t("remaining")} value={money(method === "cash" ? checkout.cashDue : checkout.remaining)} strong testId="pay-remaining" />
          </SimpleGrid>
          {quote.cashRoundingIncrement > 1 && method === "cash" ? (
            <Text size="xs" c="dimmed">
              {t("roundingHint", { step: formatStep(quote.cashRoundingIncrement, till) })}
            </Text>
          ) : null}
          {checkout.tenders.length > 0 ? <Tenders checkout={checkout} till={till} /> : null}

          {voiding ? (
            <VoidForm
              pending={voidSale.isPending}
              error={voidSale.isError ? serverMessage(voidSale.error) : null}
              onCancel={() => setVoiding(false)}
              onVoid={(reason) => voidSale.mutate({ orderId: checkout.orderId, reason }, { onSuccess: onVoided })}
            />
          ) : (
            <>
              <SegmentedControl
                fullWidth
                size="lg"
                value={method}
                onChange={(v) => setMethod(v as Method)}
                disabled={checkout.pendingCardPaymentId !== null}
                aria-label={t("method")}
                data={[
                  { value: "cash", label: <MethodLabel icon={<IconCash size={20} />} text={t("cash")} /> },
                  { value: "card", label: <MethodLabel icon={<IconCreditCard size={20} />} text={t("card")} /> },
                  { value: "credit", label: <MethodLabel icon={<IconGift size={20} />} text={t("storeCredit")} /> },
                ]}
              />
              {method === "cash" ? <CashTender key={checkout.paid} till={till} checkout={checkout} onState={setCheckout} /> : null}
              {method === "card" ? <CardTender till={till} checkout={checkout} onState={setCheckout} /> : null}
              {method === "credit" ? <StoreCreditTender key={checkout.paid} till={till} checkout={checkout} onState={setCheckout} /> : null}
              <Group justify="space-between">
                <Button size="md" variant="subtle" color="red" leftSection={<IconTrashX size={18} aria-hidden />} onClick={() => setVoiding(true)} disabled={checkout.pendingCardPaymentId !== null}>
                  {t("void")}
                </Button>
                <Button size="md" variant="default" onClick={close} disabled={paidSomething} loading={voidSale.isPending}>
                  {t("backToCart")}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}

function formatStep(increment: number, till: TillContext): string {
  return moneyText(increment, till.currency, till.locale);
}

function MethodLabel({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <Group gap={8} justify="center" wrap="nowrap" py={4}>
      {icon}
      <span>{text}</span>
    </Group>
  );
}

function Figure({ label, value, strong, testId }: { label: string; value: ReactNode; strong?: boolean; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="sm" bg={strong ? "teal.0" : undefined}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={800} size={strong ? "1.75rem" : "xl"} data-testid={testId} style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
    </Paper>
  );
}

function Tenders({ checkout, till }: { checkout: CheckoutData; till: TillContext }) {
  const t = useTranslations("posSale.pay");
  return (
    <Stack gap={4} aria-label={t("tenders")}>
      {checkout.tenders.map((tender) => (
        <Group key={tender.paymentId} justify="space-between" wrap="nowrap" data-testid="tender">
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" color={tender.kind === "CASH" ? "teal" : tender.kind === "CARD" ? "blue" : "grape"} tt="none">
              {t(`kinds.${tender.kind}`)}
            </Badge>
            <Text size="sm" c={tender.failure ? "red.8" : "dimmed"}>
              {tender.failure ?? t(`statuses.${tenderStatus(tender.status)}`)}
              {tender.reference ? ` · ${tender.reference}` : ""}
            </Text>
          </Group>
          <Text fw={600} td={tender.failure || tender.status === "VOIDED" ? "line-through" : undefined}>
            <Money amount={tender.amount} currency={till.currency} locale={till.locale} />
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

const knownStatuses = ["PENDING", "REQUIRES_ACTION", "AUTHORIZED", "CAPTURED", "FAILED", "VOIDED", "REFUNDED", "PARTIALLY_REFUNDED"] as const;
function tenderStatus(status: string): (typeof knownStatuses)[number] | "OTHER" {
  return (knownStatuses as readonly string[]).includes(status) ? (status as (typeof knownStatuses)[number]) : "OTHER";
}

function CashTender({ till, checkout, onState }: { till: TillContext; checkout: CheckoutData; onState: (s: CheckoutData) => void }) {
  const t = useTranslations("posSale.pay");
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef(newAttemptId());
  const add = useMutation(trpc.pos.checkout.addCashTender.mutationOptions({ onSuccess: onState, onError: (e) => setError(serverMessage(e)) }));
  const due = checkout.cashDue;
  const notes = (denominationsFor(till.currency) ?? []).filter((d) => d >= (smallestNote[till.currency as CashCurrency] ?? 0));
  const quick = quickCashAmounts(due, notes.length ? notes : [500, 1000, 2000, 5000, 10000], 4);
  const typed = text.trim() ? parseMoney(text, till.currency) : due;
  const change = typed !== undefined && typed > due ? typed - due : 0;

  const take = (tendered: number | undefined) => {
    if (tendered === undefined || tendered < 0) return setError(t("invalidAmount"));
    setError(null);
    add.mutate({ orderId: checkout.orderId, tendered, attemptId: attempt.current });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        take(typed);
      }}
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          size="xl"
          label={t("received")}
          description={t("receivedHint")}
          placeholder={minorToInput(due, till.currency)}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          inputMode="decimal"
          autoComplete="off"
          rightSection={<Text c="dimmed">{till.currency}</Text>}
          rightSectionWidth={56}
        />
        <SimpleGrid cols={quick.length} spacing="xs">
          {quick.map((amount) => (
            <Button key={amount} size="lg" variant="default" onClick={() => take(amount)} disabled={add.isPending} styles={{ label: { gap: "0.35em" } }}>
              {amount === due ? <span>{t("exact")}</span> : null}
              <Money amount={amount} currency={till.currency} locale={till.locale} />
            </Button>
          ))}
        </SimpleGrid>
        <Group justify="space-between" align="center">
          <Text size="lg" fw={600} c={change > 0 ? "teal.8" : "dimmed"} data-testid="change-preview">
            {t("changePreview")} <Money amount={change} currency={till.currency} locale={till.locale} />
          </Text>
          <Button size="lg" type="submit" color="teal" loading={add.isPending} leftSection={<IconCash size={20} aria-hidden />}>
            {t("takeCash")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CardTender({ till, checkout, onState }: { till: TillContext; checkout: CheckoutData; onState: (s: CheckoutData) => void }) {
  const t = useTranslations("posSale.pay");
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<CardTenderData | null>(null);
  const [paymentId, setPaymentId] = useState<string | null>(checkout.pendingCardPaymentId);
  const attempt = useRef(newAttemptId());

  const apply = (result: CardTenderData) => {
    setLast(result);
    onState(result.checkout);
    if (result.reader.action !== "in_progress") {
      setPaymentId(null);
      // The next attempt (another card, a retry) is a new payment.
      attempt.current = newAttemptId();
    }
  };
  const startCard = useMutation(
    trpc.pos.checkout.startCardTender.mutationOptions({
      onSuccess: (result) => {
        setPaymentId(result.paymentId);
        apply(result);
      },
      onError: (e) => setError(serverMessage(e)),
    }),
  );
  const cancel = useMutation(trpc.pos.checkout.cancelCardTender.mutationOptions({ onSuccess: apply, onError: (e) => setError(serverMessage(e)) }));
  // While the reader waits for the card, ask for its state every second.
  const poll = useQuery({
    ...trpc.pos.checkout.cardTenderState.queryOptions({ orderId: checkout.orderId, paymentId: paymentId ?? "" }),
    enabled: paymentId !== null,
    refetchInterval: 1000,
    staleTime: 0,
    gcTime: 0,
  });
  useEffect(() => {
    if (poll.data && paymentId) apply(poll.data);
  }, [poll.data]);

  const reader = last?.reader ?? null;
  const waiting = paymentId !== null;
  const amount = text.trim() ? parseMoney(text, till.currency) : checkout.remaining;
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" p="md" bg={reader?.action === "failed" ? "red.0" : reader?.action === "succeeded" ? "teal.0" : waiting ? "blue.0" : undefined} data-testid="card-reader">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {waiting ? <Loader size="sm" /> : reader && !reader.online ? <IconPlugConnectedX size={22} aria-hidden /> : <IconWifi size={22} aria-hidden />}
            <Stack gap={0}>
              <Text fw={600} role="status" aria-live="polite">
                {reader ? reader.message : t("readerReady", { register: till.register.name })}
              </Text>
              <Text size="xs" c="dimmed">
                {t("reader", { id: reader?.readerId ?? till.register.readerId ?? t("readerDefault") })}
              </Text>
            </Stack>
          </Group>
          {reader ? (
            <Badge variant="light" color={reader.action === "failed" ? "red" : reader.action === "succeeded" ? "teal" : reader.action === "in_progress" ? "blue" : "gray"} tt="none">
              {t(`readerStates.${reader.action}`)}
            </Badge>
          ) : null}
        </Group>
      </Paper>
      {last?.failure && !waiting ? (
        <Alert color="red" variant="light" role="alert">
          {last.failure}
        </Alert>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (amount === undefined || amount <= 0) return setError(t("invalidAmount"));
          setError(null);
          startCard.mutate({ orderId: checkout.orderId, ...(amount !== checkout.remaining ? { amount } : {}), attemptId: attempt.current });
        }}
      >
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            data-autofocus
            style={{ flex: 1 }}
            size="xl"
            label={t("cardAmount")}
            description={t("cardAmountHint")}
            placeholder={minorToInput(checkout.remaining, till.currency)}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            inputMode="decimal"
            autoComplete="off"
            disabled={waiting}
          />
          {waiting ? (
            <Button size="xl" color="red" variant="light" loading={cancel.isPending} onClick={() => paymentId && cancel.mutate({ orderId: checkout.orderId, paymentId })}>
              {t("cancelCard")}
            </Button>
          ) : (
            <Button size="xl" type="submit" loading={startCard.isPending} leftSection={<IconCreditCard size={22} aria-hidden />}>
              {t("chargeCard")}
            </Button>
          )}
        </Group>
      </form>
    </Stack>
  );
}

function StoreCreditTender({ till, checkout, onState }: { till: TillContext; checkout: CheckoutData; onState: (s: CheckoutData) => void }) {
  const t = useTranslations("posSale.pay");
  const trpc = useTRPC();
  const [code, setCode] = useState("");
  const [text, setText] = useState("");
  const attempt = useRef(newAttemptId());
  const add = useMutation(trpc.pos.checkout.addStoreCreditTender.mutationOptions({ onSuccess: onState }));
  const amount = text.trim() ? parseMoney(text, till.currency) : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ orderId: checkout.orderId, code: code.trim(), ...(amount ? { amount } : {}), attemptId: attempt.current });
      }}
    >
      <Stack gap="sm">
        <TextInput data-autofocus size="xl" label={t("creditCode")} description={t("creditCodeHint")} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="off" autoCapitalize="characters" required />
        <TextInput size="lg" label={t("creditAmount")} description={t("creditAmountHint")} placeholder={minorToInput(checkout.remaining, till.currency)} value={text} onChange={(e) => setText(e.currentTarget.value)} inputMode="decimal" autoComplete="off" />
        {add.isError ? (
          <Alert color="red" variant="light" role="alert">
            {serverMessage(add.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button size="lg" type="submit" color="grape" loading={add.isPending} leftSection={<IconGift size={20} aria-hidden />}>
            {t("useCredit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VoidForm({ pending, error, onCancel, onVoid }: { pending: boolean; error: string | null; onCancel: () => void; onVoid: (reason: string) => void }) {
  const t = useTranslations("posSale.pay");
  const [reason, setReason] = useState("");
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onVoid(reason);
      }}
    >
      <Stack gap="sm">
        <Alert color="red" variant="light">
          {t("voidExplain")}
        </Alert>
        <TextInput data-autofocus size="lg" label={t("voidReason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={300} />
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Button size="md" variant="default" onClick={onCancel}>
            {t("keepPaying")}
          </Button>
          <Button size="md" type="submit" color="red" loading={pending} leftSection={<IconTrashX size={18} aria-hidden />}>
            {t("voidConfirm")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
