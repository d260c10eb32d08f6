"use client";
import { Alert, Box, Button, Group, Kbd, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { Money } from "@oms/ui";
import { IconMail, IconPrinter, IconShoppingCartPlus } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { Receipt, type ReceiptData } from "./receipt.tsx";

/**
 * After the sale: the change to hand back (big, first), then print (80 mm layout, the
 * browser's print dialog or the receipt printer behind it) or e-mail, and the next sale
 * on Enter. The receipt itself is on the end side, as it will come out of the printer.
 */
export function ReceiptScreen({ receipt }: { receipt: ReceiptData }) {
  const t = useTranslations("posReceipt.screen");
  const trpc = useTRPC();
  const next = useRef<HTMLAnchorElement>(null);
  const [email, setEmail] = useState(receipt.customer?.email ?? "");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const send = useMutation(trpc.pos.emailReceipt.mutationOptions({ onSuccess: (_, input) => setSentTo(input.email) }));
  useEffect(() => {
    next.current?.focus();
  }, []);
  const money = (amount: number) => <Money amount={amount} currency={receipt.currency} locale={receipt.locale} />;
  const voided = receipt.status === "CANCELLED";

  return (
    <Box style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", gap: "var(--mantine-spacing-lg)", alignItems: "start" }}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {voided ? t("voidedTitle", { number: receipt.number }) : t("title", { number: receipt.number })}
        </Title>
        {!voided ? (
          <Paper withBorder radius="md" p="lg" bg={receipt.change > 0 ? "teal.0" : undefined} data-testid="change-due">
            <Text size="lg" c="dimmed">
              {receipt.change > 0 ? t("changeDue") : t("noChange")}
            </Text>
            <Text fw={800} fz={44} lh={1.1} style={{ fontVariantNumeric: "tabular-nums" }}>
              {money(receipt.change)}
            </Text>
            <Text size="sm" c="dimmed" mt={4}>
              {t("paid", { count: receipt.tenders.filter((x) => x.status !== "FAILED" && x.status !== "VOIDED").length })} {money(receipt.total)}
            </Text>
          </Paper>
        ) : null}
        <Group gap="sm">
          <Button size="lg" leftSection={<IconPrinter size={20} aria-hidden />} onClick={() => window.print()} rightSection={<Kbd size="xs">Ctrl+P</Kbd>}>
            {t("print")}
          </Button>
          <Button ref={next} component={Link} href="/pos/sale" size="lg" variant="filled" color="teal" leftSection={<IconShoppingCartPlus size={20} aria-hidden />} rightSection={<Kbd size="xs">Enter</Kbd>}>
            {t("newSale")}
          </Button>
        </Group>
        <Paper withBorder radius="md" p="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate({ orderId: receipt.orderId, email });
            }}
          >
            <Stack gap="sm">
              <Group align="flex-end" wrap="nowrap">
                <TextInput style={{ flex: 1 }} size="lg" type="email" label={t("emailLabel")} value={email} onChange={(e) => setEmail(e.currentTarget.value)} inputMode="email" autoComplete="off" required />
                <Button size="lg" type="submit" variant="light" loading={send.isPending} leftSection={<IconMail size={20} aria-hidden />}>
                  {t("email")}
                </Button>
              </Group>
              {sentTo && !send.isError ? (
                <Text c="teal.8" fw={600} role="status">
                  {t("emailed", { email: sentTo })}
                </Text>
              ) : null}
              {send.isError ? (
                <Alert color="red" variant="light" role="alert">
                  {send.error.message}
                </Alert>
              ) : null}
            </Stack>
          </form>
        </Paper>
      </Stack>
      <Receipt receipt={receipt} />
    </Box>
  );
}
