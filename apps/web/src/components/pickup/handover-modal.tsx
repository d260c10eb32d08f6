"use client";
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconShoppingBagCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage, unitsNeeded, type PickupCardData } from "./shared.ts";
import { StagingBadges } from "./staging-badges.tsx";

/** Verify the customer's pickup code, then hand the bags over (fulfillment.confirmPickedUp). */
export function HandoverModal({ card, initialCode, onClose, onDone }: { card: PickupCardData | null; initialCode: string; onClose: () => void; onDone: () => void }) {
  const t = useTranslations("pickup");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setCode(initialCode);
    setError(null);
  }, [card, initialCode]);

  const confirm = useMutation(
    trpc.fulfillment.confirmPickedUp.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", icon: <IconShoppingBagCheck size={18} />, message: t("handover.done", { number: card?.orderNumber ?? "" }) });
        await queryClient.invalidateQueries(trpc.pickup.pathFilter());
        onDone();
      },
      // The field is shown next to the message already: drop the "pickupCode: " prefix.
      onError: (e) => setError(serverMessage(e)?.replace(/^pickupCode: /, "") ?? null),
    }),
  );

  return (
    <Modal opened={card !== null} onClose={onClose} title={card ? t("handover.verifyTitle", { number: card.orderNumber }) : ""} size="lg" centered styles={{ title: { fontSize: "var(--mantine-font-size-xl)", fontWeight: 700 } }}>
      {card ? (
        <Stack gap="md">
          <Group gap="xs">
            <Text size="lg" fw={600}>
              {card.customerName ?? "—"}
            </Text>
            <StagingBadges card={card} />
          </Group>
          <Text size="sm" c="dimmed">
            {card.lines
              .filter((l) => unitsNeeded(l) > 0)
              .map((l) => `${unitsNeeded(l)} × ${l.name}`)
              .join(" · ")}
          </Text>
          {card.paymentStatus === "PAY_AT_PICKUP" ? (
            <Alert color="yellow" variant="light">
              {t("handover.payAtPickup")}
            </Alert>
          ) : null}
          <Text>{t("handover.verifyIntro")}</Text>
          <TextInput
            size="xl"
            label={t("handover.codeLabel")}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={error}
            autoComplete="off"
            data-autofocus
            onKeyDown={(e) => {
              if (e.key === "Enter" && code.trim()) confirm.mutate({ fulfillmentOrderId: card.id, pickupCode: code.trim() });
            }}
          />
          <Button
            size="xl"
            color="teal"
            leftSection={<IconShoppingBagCheck size={24} aria-hidden />}
            disabled={!code.trim()}
            loading={confirm.isPending}
            onClick={() => confirm.mutate({ fulfillmentOrderId: card.id, pickupCode: code.trim() })}
          >
            {t("handover.confirm")}
          </Button>
        </Stack>
      ) : null}
    </Modal>
  );
}
