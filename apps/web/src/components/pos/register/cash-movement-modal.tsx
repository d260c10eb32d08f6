"use client";
import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { parseMoney } from "@oms/contracts";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { fieldError, serverMessage } from "./shared.ts";

/** Cash in or cash out with a reason; the amount is typed in the currency's own units. */
export function CashMovementModal({ kind, registerSessionId, currency, locale, onClose }: { kind: "CASH_IN" | "CASH_OUT" | null; registerSessionId: string; currency: string; locale: string; onClose: () => void }) {
  const t = useTranslations("registers.movement");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [amountError, setAmountError] = useState<string | null>(null);
  const record = useMutation(
    trpc.registers.cashMovement.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({ color: "teal", message: result.message });
        await queryClient.invalidateQueries(trpc.registers.pathFilter());
        onClose();
      },
    }),
  );
  const { reset } = record;
  useEffect(() => {
    setAmount("");
    setReason("");
    setAmountError(null);
    reset();
  }, [kind, reset]);

  const submit = () => {
    const minor = parseMoney(amount, currency);
    if (minor === undefined || minor <= 0) {
      setAmountError(t("amountInvalid", { example: new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(20) }));
      return;
    }
    setAmountError(null);
    if (kind) record.mutate({ registerSessionId, kind, amount: minor, reason });
  };
  const reasonError = fieldError(record.error, "reason");
  const other = record.isError && !reasonError && !fieldError(record.error, "amount") ? serverMessage(record.error) : null;

  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind === "CASH_OUT" ? t("outTitle") : t("inTitle")} size="md" styles={{ title: { fontSize: "var(--mantine-font-size-xl)", fontWeight: 700 } }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t("amount", { currency })}
            value={amount}
            onChange={(e) => {
              setAmount(e.currentTarget.value);
              setAmountError(null);
            }}
            inputMode="decimal"
            size="lg"
            error={amountError ?? fieldError(record.error, "amount")}
            data-autofocus
            withAsterisk
          />
          <TextInput
            label={t("reason")}
            description={kind === "CASH_OUT" ? t("reasonHintOut") : t("reasonHintIn")}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              // The server's answer was about the old text.
              if (record.isError) record.reset();
            }}
            size="lg"
            maxLength={200}
            error={reasonError}
            withAsterisk
          />
          {other ? (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {other}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" size="md" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" size="md" color={kind === "CASH_OUT" ? "orange" : "teal"} loading={record.isPending}>
              {kind === "CASH_OUT" ? t("submitOut") : t("submitIn")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
