"use client";
import { Alert, Button, Group, Modal, NumberInput, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowsExchange, IconCut, IconRoute, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage, unitsNeeded, type PickupCardData, type PickupLineData } from "./shared.ts";

type Choice = "REROUTE" | "PARTIAL" | "SUBSTITUTE" | "CANCEL_LINE";
type Via = "PHONE" | "SMS" | "EMAIL" | "IN_STORE";
const choices: { value: Choice; icon: ReactNode }[] = [
  { value: "REROUTE", icon: <IconRoute size={26} aria-hidden /> },
  { value: "SUBSTITUTE", icon: <IconArrowsExchange size={26} aria-hidden /> },
  { value: "PARTIAL", icon: <IconCut size={26} aria-hidden /> },
  { value: "CANCEL_LINE", icon: <IconTrash size={26} aria-hidden /> },
];

/**
 * A line the associate cannot find, and what happens to the missing units: re-route (the
 * routing engine finds them at another store), substitute (another item, with the
 * customer's approval), partial (fewer units, the rest refunded) or cancel the line. The
 * server records the choice with who and when on the timeline and tells the customer.
 */
// The packing bench (components/fulfillment) uses it too: it needs only the order's id and lines.
export function ShortPickModal({ card, line, missing, onClose }: { card: Pick<PickupCardData, "id" | "lines">; line: PickupLineData | null; missing: number; onClose: () => void }) {
  const t = useTranslations("pickup");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Choice>("REROUTE");
  const [quantity, setQuantity] = useState<number | string>(missing);
  const [reason, setReason] = useState("");
  const [substitute, setSubstitute] = useState<string | null>(null);
  const [via, setVia] = useState<Via>("PHONE");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setChoice("REROUTE");
    setQuantity(Math.max(1, missing));
    setReason(t("short.reasonDefault"));
    setSubstitute(null);
    setNote("");
    setError(null);
  }, [line, missing, t]);

  const open = line ? unitsNeeded(line) - line.quantityFulfilled : 0;
  const options = useQuery({
    ...trpc.pickup.substituteOptions.queryOptions({ fulfillmentOrderId: card.id, fulfillmentOrderLineId: line?.id ?? card.lines[0]?.id ?? "" }),
    enabled: line !== null && choice === "SUBSTITUTE",
  });

  const resolve = useMutation(
    trpc.pickup.shortPick.mutationOptions({
      onSuccess: async (result) => {
        const where = result.reroutedTo.map((r) => r.locationName).join(", ");
        notifications.show({
          color: "orange",
          message:
            result.choice === "REROUTE"
              ? where
                ? t("short.doneReroute", { name: line?.name ?? "", store: where })
                : t("short.doneHold", { name: line?.name ?? "" })
              : t(`short.done${result.choice}`, { name: line?.name ?? "" }),
        });
        await queryClient.invalidateQueries(trpc.pickup.pathFilter());
        await queryClient.invalidateQueries(trpc.shipping.pathFilter());
        onClose();
      },
      onError: (e) => setError(serverMessage(e)),
    }),
  );

  const units = Number(quantity);
  const valid =
    !!reason.trim() &&
    (choice === "CANCEL_LINE" || units >= 1) &&
    (choice !== "PARTIAL" || units < open) &&
    (choice !== "SUBSTITUTE" || substitute !== null);

  return (
    <Modal opened={line !== null} onClose={onClose} title={line ? t("short.title", { name: line.name }) : ""} size="xl" centered styles={{ title: { fontSize: "var(--mantine-font-size-xl)", fontWeight: 700 } }}>
      {line ? (
        <Stack gap="md">
          <Text>{t("short.intro")}</Text>
          <Radio.Group value={choice} onChange={(v) => setChoice(v as Choice)} label={t("short.choiceLabel")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
              {choices.map((c) => (
                <UnstyledButton
                  key={c.value}
                  component="label"
                  data-testid={`short-choice-${c.value}`}
                  style={{
                    display: "block",
                    border: `2px solid var(--mantine-color-${choice === c.value ? "orange-6" : "gray-3"})`,
                    borderRadius: "var(--mantine-radius-md)",
                    padding: "var(--mantine-spacing-sm)",
                    minHeight: 72,
                    background: choice === c.value ? "var(--mantine-color-orange-0)" : undefined,
                  }}
                >
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <Radio value={c.value} aria-label={t(`short.choice.${c.value}`)} mt={4} />
                    {c.icon}
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={700}>{t(`short.choice.${c.value}`)}</Text>
                      <Text size="sm" c="dimmed">
                        {t(`short.choiceHint.${c.value}`)}
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          </Radio.Group>

          <Group grow align="flex-start">
            {choice !== "CANCEL_LINE" ? (
              <NumberInput size="lg" label={t("short.quantity")} min={1} max={Math.max(1, choice === "PARTIAL" ? open - 1 : open)} value={quantity} onChange={setQuantity} allowDecimal={false} />
            ) : (
              <Text size="lg" fw={600} pt="lg">
                {t("short.cancelAll", { count: open })}
              </Text>
            )}
            <TextInput size="lg" label={t("short.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          </Group>

          {choice === "SUBSTITUTE" ? (
            <Stack gap="sm">
              <Select
                size="lg"
                label={t("short.substitute")}
                placeholder={options.isLoading ? t("short.loadingOptions") : t("short.substitutePlaceholder")}
                nothingFoundMessage={t("short.noOptions")}
                data={(options.data ?? []).map((o) => ({ value: o.variantId, label: t("short.option", { name: o.name, sku: o.sku, available: o.available }) }))}
                value={substitute}
                onChange={setSubstitute}
                searchable
                error={options.isError ? serverMessage(options.error) : options.data && options.data.length === 0 ? t("short.noOptions") : null}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t("short.approvalLabel")}
                </Text>
                <SegmentedControl
                  size="md"
                  fullWidth
                  value={via}
                  onChange={(v) => setVia(v as Via)}
                  data={(["PHONE", "SMS", "EMAIL", "IN_STORE"] as const).map((v) => ({ value: v, label: t(`short.via.${v}`) }))}
                />
              </Stack>
              <TextInput size="lg" label={t("short.approvalNote")} placeholder={t("short.approvalNotePlaceholder")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            </Stack>
          ) : null}

          <Alert color="blue" variant="light">
            {t(`short.effect.${choice}`)}
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
              loading={resolve.isPending}
              disabled={!valid}
              data-testid="short-confirm"
              onClick={() => {
                setError(null);
                resolve.mutate({
                  fulfillmentOrderId: card.id,
                  fulfillmentOrderLineId: line.id,
                  choice,
                  quantity: choice === "CANCEL_LINE" ? Math.max(1, open) : units,
                  reason: reason.trim(),
                  ...(choice === "SUBSTITUTE" ? { substituteVariantId: substitute ?? undefined, customerApproval: { via, ...(note.trim() ? { note: note.trim() } : {}) } } : {}),
                });
              }}
            >
              {t(`short.confirm.${choice}`)}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
