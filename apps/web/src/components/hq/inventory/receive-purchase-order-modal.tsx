"use client";
import { Alert, Button, Group, Loader, Modal, NumberInput, Stack, Table, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ErrorState } from "@oms/ui";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { readServerError } from "../../integrations/shared.ts";
import { formatNumber } from "./shared.ts";

/** Receives an ordered purchase order, all or part: one number per line, prefilled with what is still open. */
export function ReceivePurchaseOrderModal({ purchaseOrderId, onClose }: { purchaseOrderId: string | null; onClose: () => void }) {
  const t = useTranslations("hqInventory");
  return (
    <Modal opened={purchaseOrderId !== null} onClose={onClose} title={t("receive.title")} centered size="lg" closeButtonProps={{ "aria-label": t("actions.close") }}>
      {purchaseOrderId ? <ReceiveForm key={purchaseOrderId} purchaseOrderId={purchaseOrderId} onDone={onClose} /> : null}
    </Modal>
  );
}

function ReceiveForm({ purchaseOrderId, onDone }: { purchaseOrderId: string; onDone: () => void }) {
  const t = useTranslations("hqInventory");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const po = useQuery(trpc.inventory.purchaseOrder.queryOptions({ purchaseOrderId }));
  const [quantities, setQuantities] = useState<Record<string, number | string>>({});
  const [note, setNote] = useState("");
  const receive = useMutation(
    trpc.inventory.receivePurchaseOrder.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({ color: "teal", message: t("receive.done", { number: result.number, status: t(`poStatus.${result.status}`) }) });
        onDone();
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.inventory.purchaseOrders.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.inventory.purchaseOrder.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.inventory.variant.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.inventory.variantMovements.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.inventory.table.pathKey() }),
        ]);
      },
    }),
  );
  if (po.isPending) return <Loader aria-label={t("loading")} />;
  if (po.isError) return <ErrorState title={t("receive.loadFailed")} message={po.error.message} retryLabel={t("retry")} onRetry={() => void po.refetch()} />;
  const order = po.data;
  const value = (lineId: string, open: number) => quantities[lineId] ?? open;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        receive.mutate({
          purchaseOrderId,
          lines: order.lines.map((l) => {
            const v = value(l.id, l.open);
            return { variantId: l.variantId, quantity: typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : 0 };
          }),
          note: note.trim() || null,
        });
      }}
    >
      <Stack gap="md">
        {receive.error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {readServerError(receive.error).message ?? t("actions.failed")}
          </Alert>
        ) : null}
        <Text size="sm">{t("receive.intro", { number: order.number, supplier: order.supplierName, location: order.location.name })}</Text>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("columns.sku")}</Table.Th>
              <Table.Th>{t("columns.item")}</Table.Th>
              <Table.Th style={{ textAlign: "end" }}>{t("receive.ordered")}</Table.Th>
              <Table.Th style={{ textAlign: "end" }}>{t("receive.received")}</Table.Th>
              <Table.Th style={{ textAlign: "end" }}>{t("receive.now")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.lines.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td ff="monospace">{line.sku}</Table.Td>
                <Table.Td>
                  <Text size="sm">{line.productName}</Text>
                  <Text size="xs" c="dimmed">
                    {line.variantName}
                  </Text>
                </Table.Td>
                <Table.Td style={{ textAlign: "end" }}>{formatNumber(locale, line.quantity)}</Table.Td>
                <Table.Td style={{ textAlign: "end" }}>{formatNumber(locale, line.quantityReceived)}</Table.Td>
                <Table.Td style={{ textAlign: "end" }}>
                  <NumberInput
                    aria-label={t("receive.nowFor", { sku: line.sku })}
                    value={value(line.id, line.open)}
                    onChange={(v) => setQuantities((q) => ({ ...q, [line.id]: v }))}
                    min={0}
                    max={line.open}
                    allowDecimal={false}
                    disabled={line.open === 0}
                    w={110}
                    ml="auto"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Textarea label={t("actions.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="md" onClick={onDone}>
            {t("actions.cancel")}
          </Button>
          <Button type="submit" size="md" loading={receive.isPending}>
            {t("receive.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
