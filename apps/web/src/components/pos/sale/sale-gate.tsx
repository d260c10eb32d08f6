"use client";
import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import type { AppRouter } from "@oms/api";
import { EmptyState } from "@oms/ui";
import { IconCash, IconCashRegister } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { OfflineTillProvider } from "../offline/use-offline-till.tsx";
import { SaleScreen } from "./sale-screen.tsx";
import { rememberedRegister, rememberRegister } from "../register/shared.ts";
import { pickRegister } from "./till-register.ts";
import type { TillContext } from "./shared.ts";

type StoreRegisters = inferRouterOutputs<AppRouter>["registers"]["list"];

interface SaleGateProps {
  userId: string;
  store: { id: string; name: string; countryCode: string; currency: string; locale: string; timeZone: string };
  initialRegisters: StoreRegisters;
}

/**
 * Selling needs an open register session: the drawer's cash is counted against it. Which
 * register this device is: the one chosen on it (the register screens' memory), else the one the signed-in
 * person opened, else the only open one; with several, the cashier picks once. No open
 * register: a clear message and the way to /pos/register. Register events keep it live
 * (a register closed elsewhere stops the sale screen).
 */
export function SaleGate({ userId, store, initialRegisters }: SaleGateProps) {
  const t = useTranslations("posSale.gate");
  const trpc = useTRPC();
  const registers = useQuery({ ...trpc.registers.list.queryOptions({ locationId: store.id }), initialData: initialRegisters, refetchInterval: 60_000 });
  const [deviceRegister, setDeviceRegister] = useState<string | null>(null);
  // The register screens remember which register this device is (per store); so does the choice here.
  useEffect(() => {
    setDeviceRegister(rememberedRegister(store.id));
  }, [store.id]);
  const choose = (id: string) => {
    setDeviceRegister(id);
    rememberRegister(store.id, id);
  };

  const open = registers.data.registers.filter((r) => r.status === "OPEN" && r.session !== null);
  const register = pickRegister(open, deviceRegister, userId);

  if (open.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl" maw={640} mx="auto" mt="xl">
        <EmptyState
          icon={<IconCashRegister size={40} aria-hidden />}
          title={t("noSession")}
          description={t("noSessionHint", { store: store.name })}
          action={
            <Button component={Link} href="/pos/register" size="lg" leftSection={<IconCash size={20} aria-hidden />}>
              {t("openRegister")}
            </Button>
          }
        />
      </Paper>
    );
  }
  if (!register) {
    return (
      <Stack gap="md" maw={640} mx="auto" mt="lg">
        <Title order={1} size="h2">
          {t("chooseTitle")}
        </Title>
        <Text c="dimmed">{t("chooseHint")}</Text>
        {open.map((r) => (
          <Button key={r.id} size="xl" variant="default" justify="space-between" onClick={() => choose(r.id)} rightSection={<Text size="sm">{t("openedBy", { name: r.session?.openedBy.name ?? "—" })}</Text>}>
            {r.name} ({r.code})
          </Button>
        ))}
      </Stack>
    );
  }
  const till: TillContext = {
    locationId: store.id,
    storeName: store.name,
    countryCode: store.countryCode,
    currency: store.currency,
    locale: store.locale,
    timeZone: store.timeZone,
    register: { id: register.id, code: register.code, name: register.name, readerId: register.readerId },
    registerSessionId: register.session!.id,
  };
  return (
    <OfflineTillProvider till={till} userId={userId}>
      <SaleScreen key={till.registerSessionId} till={till} />
    </OfflineTillProvider>
  );
}
