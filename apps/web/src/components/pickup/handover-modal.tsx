"use client";
import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Money } from "@oms/ui";
import { IconCreditCard, IconId, IconShoppingBagCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage, unitsNeeded, type PickupCardData } from "./shared.ts";
import { StagingBadges } from "./staging-badges.tsx";

type Method = "CODE" | "ID";

/**
 * The handover: verify (the pickup code, typed or from the QR code, or an ID checked and
 * noted), take the payment first when it is pay at pickup (the store's card reader), choose
 * the items when the customer takes only some now, then pickup.handOver. An authorized card
 * is captured by the server after the handover; a failed capture leaves a task for the manager.
 */
export function HandoverModal({
  card,
  initialCode,
  viaQr,
  locale,
  onClose,
  onDone,
}: {
  card: PickupCardData | null;
  initialCode: string;
  /** The code came from scanning the customer's QR code (recorded as QR if left unchanged). */
  viaQr: boolean;
  locale: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useTranslations("pickup");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<Method>("CODE");
  const [code, setCode] = useState(initialCode);
  const [idNote, setIdNote] = useState("");
  const [partial, setPartial] = useState(false);
  const [take, setTake] = useState<Record<string, number | string>>({});
  const [payment, setPayment] = useState<{ paymentId: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const waiting = (card?.lines ?? []).map((l) => ({ ...l, left: unitsNeeded(l) - l.quantityFulfilled })).filter((l) => l.left > 0);
  useEffect(() => {
    setMethod("CODE");
    setCode(initialCode);
    setIdNote("");
    setPartial(false);
    setTake({});
    setPayment(null);
    setError(null);
  }, [card, initialCode]);

  const start = useMutation(
    trpc.pickup.startPayment.mutationOptions({
      onSuccess: (p) => setPayment({ paymentId: p.paymentId }),
      onError: (e) => setError(serverMessage(e)),
    }),
  );
  // While the customer taps the card: ask the reader every 1.5 s until it has an answer.
  const state = useQuery({
    ...trpc.pickup.paymentState.queryOptions({ fulfillmentOrderId: card?.id ?? "", paymentId: payment?.paymentId ?? "" }),
    enabled: card !== null && payment !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.due === 0 || q.state.data.payment?.status === "FAILED") ? false : 1500),
  });
  const due = state.data ? state.data.due : (card?.amountDue ?? 0);
  const paymentFailed = state.data?.payment?.status === "FAILED" ? (state.data.reader.message ?? t("handover.payFailed")) : null;

  const handOver = useMutation(
    trpc.pickup.handOver.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({
          color: "teal",
          icon: <IconShoppingBagCheck size={18} />,
          message:
            result.handover.remaining > 0 ? t("handover.partDone", { number: card?.orderNumber ?? "", count: result.handover.remaining }) : t("handover.done", { number: card?.orderNumber ?? "" }),
        });
        if (result.captureFailed) notifications.show({ color: "yellow", autoClose: false, message: t("handover.captureFailed", { message: result.captureFailed.message }) });
        await queryClient.invalidateQueries(trpc.pickup.pathFilter());
        onDone();
      },
      // The field is shown next to the message already: drop the "pickupCode: " prefix.
      onError: (e) => setError(serverMessage(e)?.replace(/^(pickupCode|idCheckNote|lines(\.\d+\.\w+)?): /, "") ?? null),
    }),
  );

  if (!card) return <Modal opened={false} onClose={onClose} title="" />;
  const fromQr = viaQr && initialCode !== "" && code === initialCode;
  const verified = method === "CODE" ? code.trim().length > 0 : idNote.trim().length >= 3;
  const chosen = waiting.map((l) => ({ fulfillmentOrderLineId: l.id, quantity: partial ? Number(take[l.id] ?? l.left) || 0 : l.left }));
  const units = chosen.reduce((s, l) => s + l.quantity, 0);
  const submit = () => {
    setError(null);
    handOver.mutate({
      fulfillmentOrderId: card.id,
      ...(method === "CODE" ? { verification: fromQr ? "QR" : "CODE", pickupCode: code.trim() } : { verification: "ID", idCheckNote: idNote.trim() }),
      ...(partial ? { lines: chosen } : {}),
    });
  };

  return (
    <Modal opened onClose={onClose} title={t("handover.verifyTitle", { number: card.orderNumber })} size="lg" centered styles={{ title: { fontSize: "var(--mantine-font-size-xl)", fontWeight: 700 } }}>
      <Stack gap="md">
        <Group gap="xs">
          <Text size="lg" fw={600}>
            {card.customerName ?? "—"}
          </Text>
          <StagingBadges card={card} />
        </Group>

        {due > 0 ? (
          <Alert color={paymentFailed ? "red" : "yellow"} variant="light" icon={<IconCreditCard size={22} aria-hidden />} title={t("handover.payTitle")}>
            <Stack gap="xs">
              <Text>
                {t("handover.payIntro")} <Money amount={due} currency={card.currency} locale={locale} />
              </Text>
              {payment && !paymentFailed ? <Text role="status">{state.data?.reader.message ?? t("handover.payWaiting")}</Text> : null}
              {paymentFailed ? <Text role="alert">{paymentFailed}</Text> : null}
              <Button
                size="lg"
                leftSection={<IconCreditCard size={22} aria-hidden />}
                loading={start.isPending || (payment !== null && !paymentFailed)}
                onClick={() => {
                  setError(null);
                  setPayment(null);
                  start.mutate({ fulfillmentOrderId: card.id, attemptId: crypto.randomUUID() });
                }}
              >
                {paymentFailed ? t("handover.payRetry") : t("handover.payOnReader")}
              </Button>
            </Stack>
          </Alert>
        ) : card.amountDue > 0 || payment ? (
          <Alert color="teal" variant="light" role="status">
            {t("handover.paid")}
          </Alert>
        ) : null}

        <SegmentedControl
          size="lg"
          fullWidth
          value={method}
          onChange={(v) => setMethod(v as Method)}
          data={[
            { value: "CODE", label: t("handover.byCode") },
            { value: "ID", label: t("handover.byId") },
          ]}
        />
        {method === "CODE" ? (
          <TextInput
            size="xl"
            label={t("handover.codeLabel")}
            description={t("handover.verifyIntro")}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            onKeyDown={(e) => {
              if (e.key === "Enter" && verified && due === 0 && units > 0) submit();
            }}
          />
        ) : (
          <TextInput
            size="xl"
            label={t("handover.idLabel")}
            description={t("handover.idHint")}
            leftSection={<IconId size={24} aria-hidden />}
            value={idNote}
            onChange={(e) => setIdNote(e.currentTarget.value)}
            autoComplete="off"
          />
        )}

        <Switch size="lg" label={t("handover.partial")} checked={partial} onChange={(e) => setPartial(e.currentTarget.checked)} disabled={waiting.length === 0 || waiting.every((l) => l.left <= 0)} />
        <Stack gap="xs">
          {waiting.map((l) => (
            <Group key={l.id} justify="space-between" wrap="nowrap" gap="sm">
              <Text size="lg" style={{ minWidth: 0 }} truncate>
                {l.left} × {l.name}
              </Text>
              {partial ? (
                <NumberInput size="lg" w={120} min={0} max={l.left} allowDecimal={false} aria-label={t("handover.takeNow", { name: l.name })} value={take[l.id] ?? l.left} onChange={(v) => setTake((m) => ({ ...m, [l.id]: v }))} />
              ) : null}
            </Group>
          ))}
          {partial ? (
            <Text size="sm" c="dimmed">
              {t("handover.partialHint")}
            </Text>
          ) : null}
        </Stack>

        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
        <Button size="xl" color="teal" leftSection={<IconShoppingBagCheck size={24} aria-hidden />} disabled={!verified || due > 0 || units === 0} loading={handOver.isPending} onClick={submit}>
          {method === "ID" ? t("handover.confirmId") : t("handover.confirm")}
        </Button>
      </Stack>
    </Modal>
  );
}
