"use client";
import { Paper, Stack, Text, Title } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useTranslations } from "use-intl";
import { OrderFinder } from "./order-finder.tsx";
import type { TillOrderSummaryData, TillStore } from "./shared.ts";

/** POS › Orders: the store's recent sales; scan a receipt or search any order or customer. */
export function OrdersScreen({ store }: { store: TillStore }) {
  const t = useTranslations("posOrders");
  const router = useRouter();
  const open = useCallback((o: TillOrderSummaryData) => router.push(`/pos/orders/${o.id}`), [router]);
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {t("title")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("intro", { store: store.name })}
        </Text>
      </Stack>
      <Paper withBorder radius="md" p="md">
        <OrderFinder store={store} showRecent label={t("finder.label")} onOpen={open} />
      </Paper>
    </Stack>
  );
}
