"use client";
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRoute } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage, type PickupCardData, type PickupLineData } from "./shared.ts";

/**
 * A line the associate cannot find. Re-routing is the choice built so far: the units leave
 * this store's order and the routing engine places them again (recorded with who and when
 * on the order's timeline by fulfillment's rejectFulfillmentLines).
 */
export function ShortPickModal({ card, line, missing, onClose }: { card: PickupCardData; line: PickupLineData | null; missing: number; onClose: () => void }) {
  const t = useTranslations("pickup");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [quantity, setQuantity] = useState<number | string>(missing);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setQuantity(Math.max(1, missing));
    setReason(t("short.reasonDefault"));
    setError(null);
  }, [line, missing, t]);

  const reroute = useMutation(
    trpc.pickup.shortPick.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "orange", icon: <IconRoute size={18} />, message: t("short.done", { name: line?.name ?? "" }) });
        await queryClient.invalidateQueries({ queryKey: trpc.pickup.queue.queryKey() });
        onClose();
      },
      onError: (e) => setError(serverMessage(e)),
    }),
  );

  return (
    <Modal opened={line !== null} onClose={onClose} title={line ? t("short.title", { name: line.name }) : ""} size="lg" centered styles={{ title: { fontSize: "var(--mantine-font-size-xl)", fontWeight: 700 } }}>
      {line ? (
        <Stack gap="md">
          <Text>{t("short.intro")}</Text>
          <Group grow align="flex-start">
            <NumberInput size="lg" label={t("short.quantity")} min={1} max={Math.max(1, missing)} value={quantity} onChange={setQuantity} allowDecimal={false} />
            <TextInput size="lg" label={t("short.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          </Group>
          <Alert color="blue" variant="light" icon={<IconRoute size={20} aria-hidden />}>
            {t("short.rerouteHint")}
          </Alert>
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button size="lg" variant="default" onClick={onClose}>
              {t("short.cancel")}
            </Button>
            <Button
              size="lg"
              color="orange"
              leftSection={<IconRoute size={20} aria-hidden />}
              loading={reroute.isPending}
              disabled={!(Number(quantity) >= 1) || !reason.trim()}
              onClick={() => reroute.mutate({ fulfillmentOrderId: card.id, fulfillmentOrderLineId: line.id, quantity: Number(quantity), reason: reason.trim() })}
            >
              {t("short.reroute")}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
