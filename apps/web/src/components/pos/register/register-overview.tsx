"use client";
import { Badge, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { DateTime, EmptyState, ErrorState, Money } from "@oms/ui";
import { IconCash, IconDeviceDesktop, IconReceipt } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { useLiveEvents } from "../../../realtime/live-provider.tsx";
import { useTRPC } from "../../../trpc/client.tsx";
import { rememberedRegister, rememberRegister, serverMessage, type StoreRegisterData, type StoreRegistersData } from "./shared.ts";

interface RegisterOverviewProps {
  /** The person's own store; null for HQ, who choose one of `stores`. */
  homeLocationId: string | null;
  stores: { id: string; name: string }[];
}

/**
 * The /pos landing: the store's registers with their state (open by whom, since when; for
 * managers the expected cash), the register this device uses, and open / continue.
 */
export function RegisterOverview({ homeLocationId, stores }: RegisterOverviewProps) {
  const t = useTranslations("registers");
  const [locationId, setLocationId] = useState<string | null>(homeLocationId ?? (stores.length === 1 ? stores[0]!.id : null));
  if (!locationId) {
    return (
      <Stack gap="sm" maw={480}>
        <Text>{t("chooseStoreHint")}</Text>
        <Select size="lg" label={t("chooseStore")} data={stores.map((s) => ({ value: s.id, label: s.name }))} onChange={setLocationId} />
      </Stack>
    );
  }
  return <StoreRegisters key={locationId} locationId={locationId} />;
}

function StoreRegisters({ locationId }: { locationId: string }) {
  const t = useTranslations("registers");
  const trpc = useTRPC();
  // register.changed events refresh this query (realtime/topics.ts); the poll covers a dead socket.
  const list = useQuery({ ...trpc.registers.list.queryOptions({ locationId }), refetchInterval: 60_000 });
  useLiveEvents();
  const [thisDevice, setThisDevice] = useState<string | null>(null);
  useEffect(() => {
    setThisDevice(rememberedRegister(locationId));
  }, [locationId]);

  if (list.isPending) return <Loader aria-label={t("loading")} />;
  if (list.isError) return <ErrorState title={t("loadFailed")} message={serverMessage(list.error) ?? ""} retryLabel={t("retry")} onRetry={() => void list.refetch()} />;
  const data = list.data;
  if (data.registers.length === 0) return <EmptyState title={t("noRegisters")} />;
  const openCount = data.registers.filter((r) => r.status === "OPEN").length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3">
            {t("overviewTitle", { store: data.location.name })}
          </Title>
          <Text c="dimmed" size="sm">
            {t("overviewSummary", { open: openCount, total: data.registers.length })}
          </Text>
        </Stack>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {data.registers.map((register) => (
          <RegisterCard key={register.id} register={register} data={data} isThisDevice={register.id === thisDevice} onChoose={() => rememberRegister(locationId, register.id)} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function RegisterCard({ register, data, isThisDevice, onChoose }: { register: StoreRegisterData; data: StoreRegistersData; isThisDevice: boolean; onChoose: () => void }) {
  const t = useTranslations("registers");
  const { currency, locale, timeZone } = data.location;
  const s = register.session;
  const href = `/pos/register?register=${register.id}`;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="register-card" aria-label={register.name} style={isThisDevice ? { borderColor: "var(--mantine-color-blue-5)", borderWidth: 2 } : undefined}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0}>
            <Title order={3} size="h4">
              {register.name}
            </Title>
            <Text size="sm" c="dimmed">
              {register.code}
            </Text>
          </Stack>
          <Badge size="lg" variant="light" color={s ? "teal" : "gray"}>
            {s ? t("state.open") : t("state.closed")}
          </Badge>
        </Group>
        {isThisDevice ? (
          <Group gap={6}>
            <IconDeviceDesktop size={16} aria-hidden />
            <Text size="sm" fw={600} c="blue.8">
              {t("thisDevice")}
            </Text>
          </Group>
        ) : null}
        {s ? (
          <Stack gap={4}>
            <Text size="sm">
              {t("openedBy", { name: s.openedBy.name })} · <DateTime value={s.openedAt} timeZone={timeZone} locale={locale} format="time" />
            </Text>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t("openingFloat")}
              </Text>
              <Text size="sm">
                <Money amount={s.openingFloat} currency={currency} locale={locale} />
              </Text>
            </Group>
            {s.manualMovements.length > 0 ? (
              <Text size="sm" c="dimmed">
                {t("movementCount", { count: s.manualMovements.length })}
              </Text>
            ) : null}
            {s.expectedCash !== null ? (
              <Group justify="space-between" data-testid="expected-cash">
                <Text size="sm" fw={600}>
                  {t("expectedCash")}
                </Text>
                <Text fw={700}>
                  <Money amount={s.expectedCash} currency={currency} locale={locale} />
                </Text>
              </Group>
            ) : null}
          </Stack>
        ) : register.lastClosed ? (
          <Text size="sm" c="dimmed">
            {t("lastClosed", { name: register.lastClosed.closedBy.name })} <DateTime value={register.lastClosed.closedAt} timeZone={timeZone} locale={locale} />
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("neverOpened")}
          </Text>
        )}
        <Group gap="sm" mt="auto">
          <Button component={Link} href={href} onClick={onChoose} size="md" leftSection={<IconCash size={18} aria-hidden />} variant={s ? "light" : "filled"}>
            {s ? t("continue") : t("open")}
          </Button>
          {!s && register.lastClosed ? (
            <Button component={Link} href={`/pos/register/z/${register.lastClosed.id}`} size="md" variant="subtle" leftSection={<IconReceipt size={18} aria-hidden />}>
              {t("lastZ")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
