"use client";
// The stock actions of the variant page: adjust with a reason, transfer to another location,
// count (start, record and post a one-line cycle count), order from a supplier (a purchase
// order). Each is one dialog; the server's message is shown when it refuses.
import { Alert, Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC, useTRPCClient } from "../../../trpc/client.tsx";
import { readServerError } from "../../integrations/shared.ts";
import { adjustmentReasons, formatNumber, removingReasons, type AdjustmentReasonChoice, type VariantLocation } from "./shared.ts";

export type StockAction = "adjust" | "transfer" | "count" | "order";
export interface StockActionTarget {
  action: StockAction;
  variantId: string;
  sku: string;
  location: VariantLocation;
}

/** Refetches everything that shows stock after a change. */
function useRefreshStock() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.inventory.variant.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.inventory.variantMovements.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.inventory.table.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.inventory.purchaseOrders.pathKey() }),
    ]);
  };
}

function ServerError({ error, fallback }: { error: unknown; fallback: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      {readServerError(error).message ?? fallback}
    </Alert>
  );
}

function Frame({ opened, title, onClose, children }: { opened: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const t = useTranslations("hqInventory");
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="md" closeButtonProps={{ "aria-label": t("actions.close") }}>
      {children}
    </Modal>
  );
}

export function StockActionModal({ target, onClose }: { target: StockActionTarget | null; onClose: () => void }) {
  const t = useTranslations("hqInventory");
  const opened = target !== null;
  const title = target ? t(`actions.${target.action}Title`, { sku: target.sku, location: target.location.locationName }) : "";
  return (
    <Frame opened={opened} title={title} onClose={onClose}>
      {target?.action === "adjust" ? <AdjustForm key={key(target)} target={target} onDone={onClose} /> : null}
      {target?.action === "transfer" ? <TransferForm key={key(target)} target={target} onDone={onClose} /> : null}
      {target?.action === "count" ? <CountForm key={key(target)} target={target} onDone={onClose} /> : null}
      {target?.action === "order" ? <OrderForm key={key(target)} target={target} onDone={onClose} /> : null}
    </Frame>
  );
}
const key = (t: StockActionTarget) => `${t.action}:${t.variantId}:${t.location.locationId}`;

function Actions({ onCancel, submitLabel, loading }: { onCancel: () => void; submitLabel: string; loading: boolean }) {
  const t = useTranslations("hqInventory");
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" size="md" onClick={onCancel}>
        {t("actions.cancel")}
      </Button>
      <Button type="submit" size="md" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}

function OnHandLine({ location }: { location: VariantLocation }) {
  const t = useTranslations("hqInventory");
  const locale = useLocale();
  return (
    <Text size="sm" c="dimmed">
      {t("actions.nowLine", { onHand: formatNumber(locale, location.onHand), reserved: formatNumber(locale, location.reserved), available: formatNumber(locale, location.available) })}
    </Text>
  );
}

function AdjustForm({ target, onDone }: { target: StockActionTarget; onDone: () => void }) {
  const t = useTranslations("hqInventory");
  const trpc = useTRPC();
  const refresh = useRefreshStock();
  const [direction, setDirection] = useState<"REMOVE" | "ADD">("REMOVE");
  const [quantity, setQuantity] = useState<number | string>(1);
  const [reason, setReason] = useState<AdjustmentReasonChoice | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reasons = adjustmentReasons.filter((r) => (direction === "REMOVE" ? r !== "FOUND" : !removingReasons.includes(r)));
  const adjust = useMutation(
    trpc.inventory.adjust.mutationOptions({
      onSuccess: async (level) => {
        notifications.show({ color: "teal", message: t("actions.adjusted", { sku: target.sku, onHand: level.onHand }) });
        onDone();
        await refresh();
      },
    }),
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const next: Record<string, string> = {};
        const units = typeof quantity === "number" ? quantity : Number.NaN;
        if (!Number.isInteger(units) || units < 1) next.quantity = t("actions.quantityInvalid");
        if (!reason) next.reason = t("actions.reasonRequired");
        setErrors(next);
        if (Object.keys(next).length || !reason) return;
        adjust.mutate({
          locationId: target.location.locationId,
          variantId: target.variantId,
          quantity: direction === "REMOVE" ? -units : units,
          reason,
          note: note.trim() || null,
        });
      }}
    >
      <Stack gap="md">
        <ServerError error={adjust.error} fallback={t("actions.failed")} />
        <OnHandLine location={target.location} />
        <SegmentedControl
          aria-label={t("actions.direction")}
          value={direction}
          onChange={(value) => {
            setDirection(value as "REMOVE" | "ADD");
            setReason(null);
          }}
          data={[
            { value: "REMOVE", label: t("actions.remove") },
            { value: "ADD", label: t("actions.add") },
          ]}
        />
        <NumberInput label={t("actions.quantity")} value={quantity} onChange={setQuantity} min={1} max={100_000} allowDecimal={false} error={errors.quantity} required data-autofocus />
        <Select
          label={t("actions.reason")}
          placeholder={t("actions.reasonPlaceholder")}
          data={reasons.map((value) => ({ value, label: t(`reasons.${value}`) }))}
          value={reason}
          onChange={(value) => {
            setReason(value as AdjustmentReasonChoice | null);
            setErrors(({ reason: _cleared, ...rest }) => rest);
          }}
          error={errors.reason}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea label={t("actions.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
        <Actions onCancel={onDone} submitLabel={t("actions.adjustSubmit")} loading={adjust.isPending} />
      </Stack>
    </form>
  );
}

function TransferForm({ target, onDone }: { target: StockActionTarget; onDone: () => void }) {
  const t = useTranslations("hqInventory");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefreshStock();
  const locations = useQuery(trpc.locations.list.queryOptions());
  const [to, setTo] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [shipNow, setShipNow] = useState(true);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: async (input: { toLocationId: string; quantity: number }) => {
      const transfer = await client.transfers.request.mutate({
        fromLocationId: target.location.locationId,
        toLocationId: input.toLocationId,
        lines: [{ variantId: target.variantId, quantity: input.quantity }],
        note: note.trim() || null,
      });
      if (shipNow) await client.transfers.ship.mutate({ transferId: transfer.id });
      return transfer;
    },
    onSuccess: async (transfer) => {
      notifications.show({ color: "teal", message: shipNow ? t("actions.transferShipped", { number: transfer.number }) : t("actions.transferRequested", { number: transfer.number }) });
      onDone();
      await refresh();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const next: Record<string, string> = {};
        const units = typeof quantity === "number" ? quantity : Number.NaN;
        if (!to) next.to = t("actions.toRequired");
        if (!Number.isInteger(units) || units < 1) next.quantity = t("actions.quantityInvalid");
        setErrors(next);
        if (Object.keys(next).length || !to) return;
        send.mutate({ toLocationId: to, quantity: units });
      }}
    >
      <Stack gap="md">
        <ServerError error={send.error} fallback={t("actions.failed")} />
        <OnHandLine location={target.location} />
        <Select
          label={t("actions.to")}
          placeholder={t("actions.toPlaceholder")}
          data={(locations.data ?? []).filter((l) => l.id !== target.location.locationId).map((l) => ({ value: l.id, label: l.name }))}
          value={to}
          onChange={setTo}
          searchable
          error={errors.to}
          required
          data-autofocus
          comboboxProps={{ withinPortal: true }}
        />
        <NumberInput label={t("actions.quantity")} value={quantity} onChange={setQuantity} min={1} max={100_000} allowDecimal={false} error={errors.quantity} required />
        <Checkbox label={t("actions.shipNow")} description={t("actions.shipNowHint")} checked={shipNow} onChange={(e) => setShipNow(e.currentTarget.checked)} />
        <Textarea label={t("actions.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
        <Actions onCancel={onDone} submitLabel={shipNow ? t("actions.transferShipSubmit") : t("actions.transferSubmit")} loading={send.isPending} />
      </Stack>
    </form>
  );
}

function CountForm({ target, onDone }: { target: StockActionTarget; onDone: () => void }) {
  const t = useTranslations("hqInventory");
  const locale = useLocale();
  const client = useTRPCClient();
  const refresh = useRefreshStock();
  const [counted, setCounted] = useState<number | string>(target.location.onHand);
  const [error, setError] = useState<string | null>(null);
  const count = useMutation({
    mutationFn: async (units: number) => {
      const sheet = await client.cycleCounts.start.mutate({ locationId: target.location.locationId, variantIds: [target.variantId] });
      await client.cycleCounts.record.mutate({ cycleCountId: sheet.id, counts: [{ variantId: target.variantId, counted: units }] });
      const posted = await client.cycleCounts.post.mutate({ cycleCountId: sheet.id });
      return { number: sheet.number, variance: posted.variances[0]?.variance ?? 0 };
    },
    onSuccess: async (result) => {
      // ICU picks "one" for -1 as for 1, so the sign comes from Intl, not from the message.
      const signed = new Intl.NumberFormat(locale, { signDisplay: "exceptZero" }).format(result.variance);
      notifications.show({ color: "teal", message: t("actions.countPosted", { number: result.number, variance: result.variance, signed }) });
      onDone();
      await refresh();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const units = typeof counted === "number" ? counted : Number.NaN;
        if (!Number.isInteger(units) || units < 0) {
          setError(t("actions.countInvalid"));
          return;
        }
        setError(null);
        count.mutate(units);
      }}
    >
      <Stack gap="md">
        <ServerError error={count.error} fallback={t("actions.failed")} />
        <Text size="sm">{t("actions.countIntro")}</Text>
        <OnHandLine location={target.location} />
        <NumberInput label={t("actions.counted")} value={counted} onChange={setCounted} min={0} max={1_000_000} allowDecimal={false} error={error} required data-autofocus />
        <Actions onCancel={onDone} submitLabel={t("actions.countSubmit")} loading={count.isPending} />
      </Stack>
    </form>
  );
}

/** Minor units per major unit of a currency (100 for EUR, 1 for JPY). */
function minorFactor(currency: string): number {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

function OrderForm({ target, onDone }: { target: StockActionTarget; onDone: () => void }) {
  const t = useTranslations("hqInventory");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefreshStock();
  const locations = useQuery(trpc.locations.list.queryOptions());
  const currency = locations.data?.find((l) => l.id === target.location.locationId)?.currency ?? "EUR";
  const [supplier, setSupplier] = useState("");
  const [quantity, setQuantity] = useState<number | string>(Math.max(1, target.location.reorderPoint * 2 - target.location.available));
  const [unitCost, setUnitCost] = useState<number | string>("");
  const [markOrdered, setMarkOrdered] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const order = useMutation({
    mutationFn: async (input: { supplierName: string; quantity: number; unitCost: number }) => {
      const po = await client.inventory.createPurchaseOrder.mutate({
        locationId: target.location.locationId,
        supplierName: input.supplierName,
        currency,
        lines: [{ variantId: target.variantId, quantity: input.quantity, unitCost: input.unitCost }],
      });
      return markOrdered ? client.inventory.markPurchaseOrderOrdered.mutate({ purchaseOrderId: po.id }) : po;
    },
    onSuccess: async (po) => {
      notifications.show({ color: "teal", message: t("actions.ordered", { number: po.number }) });
      onDone();
      await refresh();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const next: Record<string, string> = {};
        const units = typeof quantity === "number" ? quantity : Number.NaN;
        const cost = typeof unitCost === "number" ? Math.round(unitCost * minorFactor(currency)) : Number.NaN;
        if (!supplier.trim()) next.supplier = t("actions.supplierRequired");
        if (!Number.isInteger(units) || units < 1) next.quantity = t("actions.quantityInvalid");
        if (!Number.isFinite(cost) || cost < 0) next.unitCost = t("actions.unitCostInvalid");
        setErrors(next);
        if (Object.keys(next).length) return;
        order.mutate({ supplierName: supplier.trim(), quantity: units, unitCost: cost });
      }}
    >
      <Stack gap="md">
        <ServerError error={order.error} fallback={t("actions.failed")} />
        <OnHandLine location={target.location} />
        <TextInput label={t("actions.supplier")} value={supplier} onChange={(e) => setSupplier(e.currentTarget.value)} error={errors.supplier} required maxLength={200} data-autofocus />
        <Group grow align="flex-start">
          <NumberInput label={t("actions.quantity")} value={quantity} onChange={setQuantity} min={1} max={1_000_000} allowDecimal={false} error={errors.quantity} required />
          <NumberInput label={t("actions.unitCost", { currency })} value={unitCost} onChange={setUnitCost} min={0} decimalScale={2} error={errors.unitCost} required />
        </Group>
        <Checkbox label={t("actions.markOrdered")} checked={markOrdered} onChange={(e) => setMarkOrdered(e.currentTarget.checked)} />
        <Actions onCancel={onDone} submitLabel={t("actions.orderSubmit")} loading={order.isPending} />
      </Stack>
    </form>
  );
}
