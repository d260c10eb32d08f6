"use client";
import { Alert, Anchor, Avatar, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from "@mantine/core";
import { EmptyState } from "@oms/ui";
import { IconAlertCircle, IconBackspace, IconBuildingStore, IconUsers } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { OfflineSignIn } from "../../components/pos/offline/offline-sign-in.tsx";
import { RegisterTillWorker } from "../../components/pos/offline/register-worker.tsx";
import { keepOfflinePin } from "../../components/pos/offline/offline-pin.ts";
import { useTRPC, useTRPCClient } from "../../trpc/client.tsx";
import { readDeviceStore, rememberDeviceStore } from "./device-store.ts";
import { signInWith } from "./sign-in.ts";

interface Person {
  id: string;
  name: string;
  role: string;
}

export function PinSignIn({ callbackUrl, initialStoreId }: { callbackUrl: string | null; initialStoreId: string | null }) {
  const t = useTranslations("pin");
  const trpc = useTRPC();
  const [storeId, setStoreId] = useState<string | null>(initialStoreId);
  const [person, setPerson] = useState<Person | null>(null);

  useEffect(() => {
    // localStorage wins over the cookie (the cookie may have been cleared on its own).
    const stored = readDeviceStore(initialStoreId);
    if (stored !== storeId) setStoreId(stored);
  }, []);

  const stores = useQuery(trpc.staff.storesForDevice.queryOptions());
  const store = stores.data?.find((s) => s.id === storeId) ?? null;

  // The remembered store was switched off or removed: choose again.
  useEffect(() => {
    if (storeId && stores.data && !store) {
      rememberDeviceStore(null);
      setStoreId(null);
    }
  }, [storeId, stores.data, store]);

  function chooseStore(id: string | null) {
    rememberDeviceStore(id);
    setStoreId(id);
    setPerson(null);
  }

  if (stores.isPending) return <Loader mx="auto" my="xl" aria-label={t("chooseStore")} />;
  if (stores.isError) {
    // No server: staff who signed in here recently sign in with the PIN checked on the device.
    if (storeId) return <OfflineSignIn storeId={storeId} />;
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" title={t("storesFailed")}>
        <Button mt="sm" size="sm" variant="light" color="red" onClick={() => void stores.refetch()}>
          {t("retry")}
        </Button>
      </Alert>
    );
  }

  if (!store) {
    return (
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {t("chooseStore")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("chooseStoreHint")}
          </Text>
        </Stack>
        {stores.data.length === 0 ? (
          <EmptyState icon={<IconBuildingStore size={28} aria-hidden />} title={t("noStores")} />
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {stores.data.map((s) => (
              <Paper key={s.id} withBorder radius="md" p={0}>
                <UnstyledButton onClick={() => chooseStore(s.id)} p="md" w="100%" style={{ minBlockSize: 72, borderRadius: "var(--mantine-radius-md)" }}>
                  <Group gap="sm" wrap="nowrap">
                    <IconBuildingStore size={24} aria-hidden style={{ flexShrink: 0 }} />
                    <Stack gap={0}>
                      <Text fw={600}>{s.name}</Text>
                      <Text size="sm" c="dimmed">
                        {s.city} · {s.code}
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <RegisterTillWorker />
      <Group justify="space-between" gap="sm">
        <Group gap={8}>
          <IconBuildingStore size={18} aria-hidden />
          <Text fw={600}>{t("deviceStore", { store: `${store.name}, ${store.city}` })}</Text>
        </Group>
        <Anchor component="button" type="button" size="sm" onClick={() => chooseStore(null)}>
          {t("changeStore")}
        </Anchor>
      </Group>
      {person ? (
        <PinPad storeId={store.id} person={person} callbackUrl={callbackUrl} onBack={() => setPerson(null)} />
      ) : (
        <StaffTiles storeId={store.id} onChoose={setPerson} />
      )}
    </Stack>
  );
}

function StaffTiles({ storeId, onChoose }: { storeId: string; onChoose: (person: Person) => void }) {
  const t = useTranslations("pin");
  const roles = useTranslations("roles");
  const trpc = useTRPC();
  const staff = useQuery(trpc.staff.pinTiles.queryOptions({ locationId: storeId }));

  if (staff.isPending) return <Loader mx="auto" my="xl" aria-label={t("whoIsSigningIn")} />;
  if (staff.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" title={t("staffFailed")}>
        <Text size="sm">{staff.error.message}</Text>
        <Button mt="sm" size="sm" variant="light" color="red" onClick={() => void staff.refetch()}>
          {t("retry")}
        </Button>
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t("whoIsSigningIn")}
      </Title>
      {staff.data.length === 0 ? (
        <EmptyState icon={<IconUsers size={28} aria-hidden />} title={t("noStaff")} />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
          {staff.data.map((p) => (
            <Paper key={p.id} withBorder radius="md" p={0}>
              <UnstyledButton
                onClick={() => onChoose(p)}
                p="md"
                w="100%"
                style={{ minBlockSize: 120, borderRadius: "var(--mantine-radius-md)", textAlign: "center" }}
              >
                <Stack gap={6} align="center">
                  <Avatar name={p.name} color="initials" size="lg" />
                  <Text fw={600} lineClamp={2}>
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {roleLabel(roles, p.role)}
                  </Text>
                </Stack>
              </UnstyledButton>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function roleLabel(roles: ReturnType<typeof useTranslations<"roles">>, role: string): string {
  return role === "ADMIN" || role === "MANAGER" || role === "CASHIER" || role === "ASSOCIATE" ? roles(role) : role;
}

const digits = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

function PinPad({ storeId, person, callbackUrl, onBack }: { storeId: string; person: Person; callbackUrl: string | null; onBack: () => void }) {
  const t = useTranslations("pin");
  const login = useTranslations("login");
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const client = useTRPCClient();

  const focus = () => input.current?.focus();
  const press = (digit: string) => {
    setError(null);
    setPin((current) => (current.length < 8 ? current + digit : current));
    focus();
  };

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (pending) return;
    if (!/^\d{4,8}$/.test(pin)) {
      setError(t("pinTooShort"));
      focus();
      return;
    }
    setPending(true);
    setError(null);
    const outcome = await signInWith("pin", { locationId: storeId, userId: person.id, pin }, callbackUrl);
    if (outcome.ok) {
      // The till can then check this PIN offline (a verifier from the server, never the PIN).
      await keepOfflinePin(() => client.pos.offline.pinVerifier.mutate({ pin }));
      window.location.assign(outcome.destination);
      return;
    }
    setPending(false);
    setPin("");
    setError(outcome.message ?? (outcome.unreachable ? login("errors.unreachable") : login("errors.failed")));
    focus();
  }

  const key = { size: "xl", h: 64, variant: "default", fz: 24, disabled: pending } as const;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={360} mx="auto" w="100%">
        <Group gap="sm" wrap="nowrap">
          <Avatar name={person.name} color="initials" />
          <Title order={2} size="h4">
            {t("enterPin", { name: person.name })}
          </Title>
        </Group>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {error}
          </Alert>
        ) : null}
        <TextInput
          ref={input}
          type="password"
          label={t("pinLabel")}
          description={t("pinHint")}
          size="lg"
          autoFocus
          autoComplete="off"
          inputMode="numeric"
          maxLength={8}
          value={pin}
          onChange={(event) => {
            setError(null);
            setPin(event.currentTarget.value.replace(/\D/g, "").slice(0, 8));
          }}
          styles={{ input: { letterSpacing: "0.4em", textAlign: "center", fontSize: 28 } }}
        />
        <SimpleGrid cols={3} spacing="sm">
          {digits.map((digit) => (
            <Button key={digit} {...key} onClick={() => press(digit)} aria-label={t("digit", { digit })}>
              {digit}
            </Button>
          ))}
          <Button {...key} fz="md" onClick={() => (setPin(""), focus())}>
            {t("clear")}
          </Button>
          <Button {...key} onClick={() => press("0")} aria-label={t("digit", { digit: "0" })}>
            0
          </Button>
          <Button {...key} onClick={() => (setPin((p) => p.slice(0, -1)), focus())} aria-label={t("backspace")}>
            <IconBackspace size={26} aria-hidden />
          </Button>
        </SimpleGrid>
        <Button type="submit" size="xl" h={64} loading={pending} fullWidth>
          {t("submit")}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onBack} ta="center">
          {t("notYou")}
        </Anchor>
      </Stack>
    </form>
  );
}
