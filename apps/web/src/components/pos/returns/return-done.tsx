"use client";
import { Alert, Anchor, Button, Group, Kbd, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { moneyText } from "@oms/ui";
import { IconAlertTriangle, IconCircleCheck, IconClock, IconPrinter, IconReceiptRefund } from "@tabler/icons-react";
import Link from "next/link";
import { useEffect } from "react";
import { useTranslations } from "use-intl";
import type { TillStore } from "../orders/shared.ts";
import { ReturnReceipt } from "./return-receipt.tsx";
import type { Completed } from "./returns-screen.tsx";

/**
 * After the return: what the customer gets and how (the card refund's outcome, the cash to
 * hand over, the store credit code), the exchange's new order and difference, and the
 * return receipt to print. Enter or F9 starts the next return.
 */
export function ReturnDone({ done, store, cashierName, onNew }: { done: Completed; store: TillStore; cashierName: string; onNew: () => void }) {
  const t = useTranslations("posReturns.done");
  const { ret, exchange, order, cardRefunds } = done;
  const money = (n: number) => moneyText(n, ret.currency, store.locale);
  const cash = ret.refunds.filter((r) => r.method === "CASH").reduce((s, r) => s + r.amount, 0);
  const credit = ret.storeCredit && ret.storeCredit.balance > 0 ? ret.storeCredit : null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "F9") {
        e.preventDefault();
        onNew();
      } else if (e.key === "p" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        window.print();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onNew]);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="md">
        <Group gap="sm">
          <IconCircleCheck size={36} color="var(--mantine-color-teal-7)" aria-hidden />
          <Title order={1} size="h2">
            {exchange ? t("titleExchange", { number: ret.number }) : t("title", { number: ret.number })}
          </Title>
        </Group>
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Row label={t("returnValue")} value={money(ret.refundTotal)} />
            {exchange ? (
              <>
                <Row label={t("newOrder")} value={exchange.exchangeOrder.number} />
                <Row label={t("newTotal")} value={money(exchange.newTotal)} />
              </>
            ) : null}
          </Stack>
        </Paper>

        {exchange && exchange.amountDue > 0 ? (
          exchange.differencePaid ? (
            <Alert color="teal" variant="light" icon={<IconCircleCheck />} title={t("collected", { amount: money(exchange.amountDue) })}>
              {t("collectedHint")}
            </Alert>
          ) : (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title={t("toCollect", { amount: money(exchange.amountDue) })}>
              {t("toCollectHint", { number: exchange.exchangeOrder.number })}
            </Alert>
          )
        ) : null}

        {cash > 0 ? (
          <Alert color="teal" variant="filled" icon={<IconReceiptRefund />} title={t("cashTitle", { amount: money(cash) })} data-testid="cash-refund">
            {t("cashHint")}
          </Alert>
        ) : null}

        {cardRefunds.map((c) =>
          c.status === "SUCCEEDED" ? (
            <Alert key={c.refundId} color="teal" variant="light" icon={<IconCircleCheck />} title={t("cardOk", { amount: money(c.amount) })} data-testid="card-refund">
              {t("cardOkHint")}
            </Alert>
          ) : c.status === "FAILED" ? (
            <Alert key={c.refundId} color="red" variant="light" icon={<IconAlertTriangle />} title={t("cardFailed", { amount: money(c.amount) })} data-testid="card-refund">
              <Stack gap={4}>
                <Text size="sm">{c.message}</Text>
                <Text size="sm">{t("cardFailedHint")}</Text>
                {c.taskId ? <Text size="xs">{t("taskCreated")}</Text> : null}
              </Stack>
            </Alert>
          ) : (
            <Alert key={c.refundId} color="blue" variant="light" icon={<IconClock />} title={t("cardPending", { amount: money(c.amount) })} data-testid="card-refund">
              {t("cardPendingHint")}
            </Alert>
          ),
        )}

        {credit ? (
          <Paper withBorder radius="md" p="md" bg="var(--mantine-color-teal-0)">
            <Stack gap={4} align="center">
              <Text fw={600}>{t("creditTitle", { amount: money(credit.balance) })}</Text>
              <Text fw={800} size="2rem" ff="monospace" style={{ letterSpacing: "0.08em" }} data-testid="store-credit-code">
                {credit.code}
              </Text>
              <Text size="sm" c="dimmed" ta="center">
                {t("creditHint")}
              </Text>
            </Stack>
          </Paper>
        ) : null}

        <Group gap="sm">
          <Button size="lg" variant="default" leftSection={<IconPrinter size={20} aria-hidden />} onClick={() => window.print()}>
            {t("print")}
          </Button>
          <Button size="lg" color="teal" rightSection={<Kbd size="xs">F9</Kbd>} onClick={onNew} data-autofocus>
            {t("next")}
          </Button>
        </Group>
        <Group gap="md">
          <Anchor component={Link} href={`/pos/orders/${order.id}`}>
            {t("viewOrder", { number: order.number })}
          </Anchor>
          {exchange ? (
            <Anchor component={Link} href={`/pos/sale/receipt/${exchange.exchangeOrder.id}`}>
              {t("newReceipt", { number: exchange.exchangeOrder.number })}
            </Anchor>
          ) : null}
        </Group>
      </Stack>
      <ReturnReceipt store={store} order={order} ret={ret} exchange={exchange} cashierName={cashierName} />
    </SimpleGrid>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Group justify="space-between">
      <Text>{label}</Text>
      <Text fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
    </Group>
  );
}
