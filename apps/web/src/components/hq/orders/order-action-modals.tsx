"use client";
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { OrderAddress } from "@oms/contracts";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { readServerError } from "../../integrations/shared.ts";
import type { OrderDetail } from "./shared.ts";

export type OrderAction = "cancel" | "address" | "reroute";

/** After a command: the order as the server returns it, and every order list refreshed. */
function useOrderCommandDone(orderId: string, onClose: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (order: OrderDetail, message: string) => {
    queryClient.setQueryData(trpc.orders.get.queryKey({ orderId }), order);
    notifications.show({ color: "teal", message });
    onClose();
    await Promise.all([queryClient.invalidateQueries(trpc.orders.pathFilter()), queryClient.invalidateQueries(trpc.tasks.pathFilter())]);
  };
}

function ServerAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}

function Footer({ onCancel, cancelLabel, children }: { onCancel: () => void; cancelLabel: string; children: ReactNode }) {
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      {children}
    </Group>
  );
}

/** Cancel the whole order with a reason (orders.cancel): stock released, refunds recorded. */
export function CancelOrderModal({ order, opened, onClose }: { order: OrderDetail; opened: boolean; onClose: () => void }) {
  const t = useTranslations("hqOrders.actions");
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const done = useOrderCommandDone(order.id, close);
  const cancel = useMutation(trpc.orders.cancel.mutationOptions({ onSuccess: (o) => done(o, t("cancel.done", { number: o.number })) }));

  function close() {
    cancel.reset();
    setReason("");
    setTouched(false);
    onClose();
  }
  const server = cancel.error ? readServerError(cancel.error) : null;
  const missing = touched && reason.trim() === "" ? t("cancel.reasonMissing") : null;

  return (
    <Modal opened={opened} onClose={close} title={t("cancel.title", { number: order.number })} centered size="lg" closeButtonProps={{ "aria-label": t("close") }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (reason.trim()) cancel.mutate({ orderId: order.id, reason: reason.trim() });
        }}
      >
        <Stack gap="md">
          <ServerAlert message={server && !server.fields.reason ? server.message : null} />
          <Text size="sm">{t("cancel.message")}</Text>
          <Textarea
            label={t("cancel.reason")}
            description={t("cancel.reasonHint")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={missing ?? server?.fields.reason}
            autosize
            minRows={2}
            maxLength={500}
            required
            data-autofocus
          />
          <Footer onCancel={close} cancelLabel={t("keep")}>
            <Button type="submit" color="red" loading={cancel.isPending}>
              {t("cancel.confirm")}
            </Button>
          </Footer>
        </Stack>
      </form>
    </Modal>
  );
}

/** Run routing again for the units no store has started (orders.reroute). */
export function RerouteOrderModal({ order, opened, onClose }: { order: OrderDetail; opened: boolean; onClose: () => void }) {
  const t = useTranslations("hqOrders.actions");
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const done = useOrderCommandDone(order.id, close);
  const reroute = useMutation(trpc.orders.reroute.mutationOptions({ onSuccess: (o) => done(o, t("reroute.done", { number: o.number })) }));
  function close() {
    reroute.reset();
    setReason("");
    onClose();
  }
  const server = reroute.error ? readServerError(reroute.error) : null;
  return (
    <Modal opened={opened} onClose={close} title={t("reroute.title", { number: order.number })} centered size="lg" closeButtonProps={{ "aria-label": t("close") }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          reroute.mutate({ orderId: order.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
        }}
      >
        <Stack gap="md">
          <ServerAlert message={server?.message ?? null} />
          <Text size="sm">{t("reroute.message")}</Text>
          <TextInput label={t("reroute.reason")} description={t("reroute.reasonHint")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} data-autofocus />
          <Footer onCancel={close} cancelLabel={t("back")}>
            <Button type="submit" loading={reroute.isPending}>
              {t("reroute.confirm")}
            </Button>
          </Footer>
        </Stack>
      </form>
    </Modal>
  );
}

type AddressField = "name" | "line1" | "line2" | "postalCode" | "city" | "region" | "countryCode" | "phone";
const required: AddressField[] = ["name", "line1", "postalCode", "city", "countryCode"];

function initialAddress(address: OrderAddress | null): Record<AddressField, string> {
  return {
    name: address?.name ?? "",
    line1: address?.line1 ?? "",
    line2: address?.line2 ?? "",
    postalCode: address?.postalCode ?? "",
    city: address?.city ?? "",
    region: address?.region ?? "",
    countryCode: address?.countryCode ?? "",
    phone: address?.phone ?? "",
  };
}

/**
 * New delivery address (orders.changeAddress): fulfillment orders no store started are
 * cancelled and the order is routed again. Field errors come from the server's field paths
 * (["address", "city"]) as well as from the required fields here.
 */
export function ChangeAddressModal({ order, opened, onClose }: { order: OrderDetail; opened: boolean; onClose: () => void }) {
  const t = useTranslations("hqOrders.actions");
  const trpc = useTRPC();
  const [form, setForm] = useState(() => initialAddress(order.shippingAddress));
  const [touched, setTouched] = useState(false);
  const done = useOrderCommandDone(order.id, close);
  const change = useMutation(trpc.orders.changeAddress.mutationOptions({ onSuccess: (o) => done(o, t("address.done", { number: o.number })) }));
  function close() {
    change.reset();
    setTouched(false);
    setForm(initialAddress(order.shippingAddress));
    onClose();
  }

  // readServerError keys by the first path element; the address fields are one level deeper.
  const serverFields: Partial<Record<AddressField, string>> = {};
  const data = (change.error as { data?: { fields?: { path: (string | number)[]; message: string }[] } } | null)?.data;
  for (const issue of data?.fields ?? []) {
    const field = issue.path[0] === "address" ? String(issue.path[1] ?? "") : "";
    if (field && !(field in serverFields)) serverFields[field as AddressField] = issue.message;
  }
  const serverMessage = change.error && Object.keys(serverFields).length === 0 ? readServerError(change.error).message : null;
  const errorOf = (field: AddressField) => serverFields[field] ?? (touched && required.includes(field) && form[field].trim() === "" ? t(`address.missing.${field}`) : undefined);
  const input = (field: AddressField, extra: { maxLength: number; w?: number } = { maxLength: 200 }) => (
    <TextInput
      label={t(`address.fields.${field}`)}
      value={form[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setForm((f) => ({ ...f, [field]: value }));
      }}
      error={errorOf(field)}
      required={required.includes(field)}
      maxLength={extra.maxLength}
    />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (required.some((f) => form[f].trim() === "")) return;
    change.mutate({
      orderId: order.id,
      address: {
        name: form.name,
        line1: form.line1,
        line2: form.line2 || null,
        postalCode: form.postalCode,
        city: form.city,
        region: form.region || null,
        countryCode: form.countryCode,
        phone: form.phone || null,
      },
    });
  }

  return (
    <Modal opened={opened} onClose={close} title={t("address.title", { number: order.number })} centered size="lg" closeButtonProps={{ "aria-label": t("close") }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ServerAlert message={serverMessage} />
          <Text size="sm">{t("address.message")}</Text>
          {input("name")}
          {input("line1")}
          {input("line2")}
          <SimpleGrid cols={2}>
            {input("postalCode", { maxLength: 20 })}
            {input("city", { maxLength: 100 })}
            {input("region", { maxLength: 100 })}
            {input("countryCode", { maxLength: 2 })}
          </SimpleGrid>
          {input("phone", { maxLength: 40 })}
          <Footer onCancel={close} cancelLabel={t("back")}>
            <Button type="submit" loading={change.isPending}>
              {t("address.confirm")}
            </Button>
          </Footer>
        </Stack>
      </form>
    </Modal>
  );
}
