"use client";
import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput } from "@mantine/core";
import type { PosCartInput, PosResumedSale } from "@oms/contracts";
import { DateTime, EmptyState, ErrorState, Money } from "@oms/ui";
import { IconPlayerPlay } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { fieldErrorsOf, serverMessage, type TillContext } from "./shared.ts";

/** F8: put the sale aside under a name (the customer went to fetch something). */
export function ParkModal({ opened, onClose, till, cart, defaultLabel, onParked }: { opened: boolean; onClose: () => void; till: TillContext; cart: PosCartInput; defaultLabel: string; onParked: (label: string) => void }) {
  const t = useTranslations("posSale.park");
  return (
    <Modal opened={opened} onClose={onClose} title={t("title")} size="md" centered>
      {opened ? <ParkForm till={till} cart={cart} defaultLabel={defaultLabel} onParked={onParked} /> : null}
    </Modal>
  );
}

function ParkForm({ till, cart, defaultLabel, onParked }: { till: TillContext; cart: PosCartInput; defaultLabel: string; onParked: (label: string) => void }) {
  const t = useTranslations("posSale.park");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState(defaultLabel);
  const park = useMutation(
    trpc.pos.parkSale.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.pos.listParked.queryKey() });
        onParked(label.trim());
      },
    }),
  );
  const fieldError = park.error ? (fieldErrorsOf(park.error).label ?? null) : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        park.mutate({ locationId: till.locationId, registerId: till.register.id, label: label.trim(), cart });
      }}
    >
      <Stack gap="md">
        <TextInput data-autofocus size="lg" label={t("label")} description={t("labelHint")} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={fieldError} maxLength={80} required />
        {park.isError && !fieldError ? (
          <Alert color="red" variant="light" role="alert">
            {serverMessage(park.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button size="md" type="submit" loading={park.isPending}>
            {t("submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** F10: the store's parked sales; resuming takes one back to this till (only one till can). */
export function ParkedModal({
  opened,
  onClose,
  till,
  cartEmpty,
  onResume,
}: {
  opened: boolean;
  onClose: () => void;
  till: TillContext;
  cartEmpty: boolean;
  onResume: (sale: PosResumedSale, names: Map<string, { sku: string; name: string }>) => void;
}) {
  const t = useTranslations("posSale.parked");
  return (
    <Modal opened={opened} onClose={onClose} title={t("title")} size="lg" centered>
      {opened ? <ParkedList till={till} cartEmpty={cartEmpty} onResume={onResume} /> : null}
    </Modal>
  );
}

function ParkedList({ till, cartEmpty, onResume }: { till: TillContext; cartEmpty: boolean; onResume: (sale: PosResumedSale, names: Map<string, { sku: string; name: string }>) => void }) {
  const t = useTranslations("posSale.parked");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const parked = useQuery({ ...trpc.pos.listParked.queryOptions({ locationId: till.locationId }), staleTime: 0 });
  const resume = useMutation(
    trpc.pos.resumeParked.mutationOptions({
      onSuccess: async (sale) => {
        await queryClient.invalidateQueries({ queryKey: trpc.pos.listParked.queryKey() });
        // Names come with the first quote; the cart needs only the variants.
        onResume(sale, new Map());
      },
      onError: () => void queryClient.invalidateQueries({ queryKey: trpc.pos.listParked.queryKey() }),
    }),
  );
  if (parked.isError) return <ErrorState title={t("loadFailed")} message={serverMessage(parked.error) ?? ""} retryLabel={t("retry")} onRetry={() => void parked.refetch()} />;
  if (!parked.data) return <Loader />;
  if (parked.data.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <Stack gap="xs">
      {!cartEmpty ? (
        <Alert color="yellow" variant="light">
          {t("finishFirst")}
        </Alert>
      ) : null}
      {resume.isError ? (
        <Alert color="red" variant="light" role="alert">
          {serverMessage(resume.error)}
        </Alert>
      ) : null}
      {parked.data.map((p, i) => (
        <Group key={p.id} justify="space-between" wrap="nowrap" p="sm" style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }} data-testid="parked-sale">
          <Stack gap={0} style={{ minInlineSize: 0 }}>
            <Text fw={600} truncate>
              {p.label}
            </Text>
            <Text size="xs" c="dimmed">
              {t("meta", { lines: p.lineCount, by: p.parkedByName, register: p.registerName ?? "—" })} · <DateTime value={p.parkedAt} timeZone={till.timeZone} locale={till.locale} format="time" />
            </Text>
          </Stack>
          <Group gap="sm" wrap="nowrap">
            <Text fw={700}>
              <Money amount={p.total} currency={p.currency} locale={till.locale} />
            </Text>
            <Button
              size="md"
              data-autofocus={i === 0 ? true : undefined}
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              disabled={!cartEmpty}
              loading={resume.isPending && resume.variables?.parkedSaleId === p.id}
              onClick={() => resume.mutate({ parkedSaleId: p.id })}
            >
              {t("resume")}
            </Button>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
