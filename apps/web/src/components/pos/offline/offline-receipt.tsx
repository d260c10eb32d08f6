"use client";
import { Alert, Button, Divider, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { priceOfflineSale, type OfflineCatalog, type OfflineSaleCommand } from "@oms/contracts";
import { Money } from "@oms/ui";
import { IconCloudUpload, IconPrinter } from "@tabler/icons-react";
import { useTranslations } from "use-intl";
import type { TillContext } from "../sale/shared.ts";

/**
 * The receipt of a sale made offline, from the queued command itself (what the customer
 * paid is exactly what will be synced). Its reference is the client sale id; the order
 * number follows once the server has it.
 */
export function OfflineReceipt({ till, catalog, command, onDone }: { till: TillContext; catalog: OfflineCatalog; command: OfflineSaleCommand; onDone: () => void }) {
  const t = useTranslations("posOffline.receipt");
  const priced = priceOfflineSale(command.lines, { orderDiscount: command.orderDiscount, pricesIncludeTax: catalog.pricesIncludeTax, approvalBps: catalog.discountApprovalBps });
  const money = (n: number) => <Money amount={n} currency={till.currency} locale={till.locale} />;
  const when = new Intl.DateTimeFormat(till.locale, { dateStyle: "medium", timeStyle: "short", timeZone: till.timeZone }).format(new Date(command.recordedAt));
  return (
    <Modal opened onClose={onDone} title={t("title")} size="md" centered>
      <Stack gap="sm" data-testid="offline-receipt">
        <Text fw={700}>{till.storeName}</Text>
        <Text size="sm" c="dimmed">
          {t("meta", { register: till.register.name, when })}
        </Text>
        <Text size="sm" ff="monospace" data-testid="offline-receipt-ref">
          {t("reference", { id: command.clientId.slice(0, 8).toUpperCase() })}
        </Text>
        <Table>
          <Table.Tbody>
            {command.lines.map((l, i) => (
              <Table.Tr key={`${l.variantId}-${i}`}>
                <Table.Td>
                  {l.quantity} × {l.name}
                </Table.Td>
                <Table.Td ta="end">{money(priced.lines[i]!.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Divider />
        {priced.discountTotal > 0 ? (
          <Group justify="space-between">
            <Text>{t("discounts")}</Text>
            <Text>−{money(priced.discountTotal)}</Text>
          </Group>
        ) : null}
        <Group justify="space-between">
          <Text fw={700}>{t("total")}</Text>
          <Text fw={700} data-testid="offline-receipt-total">
            {money(command.total)}
          </Text>
        </Group>
        {priced.taxBreakdown.map((r) => (
          <Group key={r.rateBps} justify="space-between">
            <Text size="sm" c="dimmed">
              {t("tax", { rate: r.rateBps / 100 })}
            </Text>
            <Text size="sm" c="dimmed">
              {money(r.tax)}
            </Text>
          </Group>
        ))}
        <Group justify="space-between">
          <Text>{t("cash")}</Text>
          <Text>{money(command.tendered)}</Text>
        </Group>
        <Group justify="space-between">
          <Text>{t("change")}</Text>
          <Text data-testid="offline-receipt-change">{money(command.change)}</Text>
        </Group>
        <Alert color="blue" variant="light" icon={<IconCloudUpload size={18} aria-hidden />}>
          {t("willSync")}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" size="md" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
            {t("print")}
          </Button>
          <Button size="md" onClick={onDone} data-autofocus>
            {t("newSale")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
