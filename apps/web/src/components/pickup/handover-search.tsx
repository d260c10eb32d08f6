"use client";
import { Alert, Badge, Button, Card, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconQrcode, IconSearch, IconShoppingBagCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage, type PickupCardData } from "./shared.ts";

/**
 * The counter: the customer shows a QR code (a scanner types it and Enter) or a code, or
 * says their name or order number. Ready orders can be handed over from the results.
 */
export function HandoverSearch({ locationId, onHandOver }: { locationId: string; onHandOver: (card: PickupCardData, code: string, viaQr: boolean) => void }) {
  const t = useTranslations("pickup");
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [query, setQuery] = useState<string | null>(null);
  const results = useQuery({ ...trpc.pickup.findForHandover.queryOptions({ locationId, query: query ?? "" }), enabled: query !== null && query.length >= 2 });

  // A QR code or a code typed as is: offer it as the pickup code to verify.
  const codeFrom = (q: string, card: PickupCardData) => {
    const qr = /^PICKUP:[^:]+:([^:]+)$/i.exec(q);
    const candidate = qr ? qr[1]! : q;
    return card.pickupCode && candidate.toUpperCase() === card.pickupCode.toUpperCase() ? candidate : "";
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t("handover.title")}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(text.trim());
          }}
        >
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              size="lg"
              label={t("handover.searchLabel")}
              placeholder={t("handover.searchPlaceholder")}
              leftSection={<IconQrcode size={22} aria-hidden />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autoComplete="off"
            />
            <Button type="submit" size="lg" leftSection={<IconSearch size={20} aria-hidden />} disabled={text.trim().length < 2}>
              {t("handover.search")}
            </Button>
          </Group>
        </form>
        {results.isError ? (
          <Alert color="red" variant="light" role="alert">
            {serverMessage(results.error)}
          </Alert>
        ) : null}
        {results.data && results.data.length === 0 ? <Text c="dimmed">{t("handover.noMatch", { query: query ?? "" })}</Text> : null}
        {results.data?.map((card) => (
          <Card key={card.id} withBorder radius="md" padding="sm" data-testid="handover-result">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text fw={700} size="lg">
                  {card.orderNumber} · {card.customerName ?? "—"}
                </Text>
                <Group gap="xs">
                  {card.stagingShelf ? (
                    <Badge color="teal" variant="light" tt="none">
                      {t("card.shelf", { shelf: card.stagingShelf })}
                    </Badge>
                  ) : null}
                  {card.status !== "READY_FOR_PICKUP" ? (
                    <Badge color="gray" variant="light" tt="none">
                      {t("handover.notReady", { status: t(`status.${card.status}`) })}
                    </Badge>
                  ) : null}
                </Group>
              </Stack>
              <Button size="lg" color="teal" disabled={card.status !== "READY_FOR_PICKUP"} leftSection={<IconShoppingBagCheck size={20} aria-hidden />} onClick={() => onHandOver(card, codeFrom(query ?? "", card), /^PICKUP:/i.test(query ?? ""))}>
                {t("card.handOver")}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    </Paper>
  );
}
