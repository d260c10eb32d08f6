"use client";
import { Alert, Avatar, Button, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from "@mantine/core";
import type { OfflinePinVerifier } from "@oms/contracts";
import { IconAlertCircle, IconWifiOff } from "@tabler/icons-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { checkOfflinePin, offlineStaff, openOfflineSession } from "./offline-pin.ts";

/**
 * The PIN screen when the server cannot be reached (docs/pos.md#offline-sign-in): the store's
 * staff whose verifier this device holds (signed in here online within the configured days)
 * sign in with their PIN, checked on the device; the till then opens from its cache.
 */
export function OfflineSignIn({ storeId }: { storeId: string }) {
  const t = useTranslations("posOffline.signIn");
  const tPin = useTranslations("pin");
  const [staff, setStaff] = useState<OfflinePinVerifier[] | null>(null);
  const [person, setPerson] = useState<OfflinePinVerifier | null>(null);
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    offlineStaff(storeId)
      .then(setStaff)
      .catch(() => setStaff([]));
  }, [storeId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!person || checking) return;
    if (new Date(person.expiresAt) <= new Date()) return setError(t("expired"));
    setChecking(true);
    const ok = await checkOfflinePin(person, pin).catch(() => false);
    setChecking(false);
    if (!ok) {
      setPin("");
      if (!/^\d{4,8}$/.test(pin)) return setError(tPin("pinTooShort"));
      return setError(t("wrongPin"));
    }
    openOfflineSession(person);
    window.location.assign("/pos/sale");
  }

  return (
    <Stack gap="md" data-testid="offline-sign-in">
      <Alert color="orange" variant="light" icon={<IconWifiOff aria-hidden />} title={t("offlineTitle")}>
        {t("offlineHint")}
      </Alert>
      {staff === null ? <Loader mx="auto" /> : null}
      {staff?.length === 0 ? <Text c="dimmed">{t("nobody")}</Text> : null}
      {staff && staff.length > 0 && !person ? (
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          {staff.map((p) => (
            <Paper key={p.userId} withBorder radius="md" p={0}>
              <UnstyledButton onClick={() => (setPerson(p), setError(null))} p="md" w="100%" style={{ minBlockSize: 110, textAlign: "center" }}>
                <Stack gap={6} align="center">
                  <Avatar name={p.name} color="initials" size="lg" />
                  <Text fw={600}>{p.name}</Text>
                </Stack>
              </UnstyledButton>
            </Paper>
          ))}
        </SimpleGrid>
      ) : null}
      {person ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" maw={360} mx="auto" w="100%">
            <Title order={2} size="h4">
              {person.name}
            </Title>
            {error ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                {error}
              </Alert>
            ) : null}
            <TextInput
              type="password"
              label={tPin("pinLabel")}
              size="lg"
              autoFocus
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              value={pin}
              onChange={(e) => (setError(null), setPin(e.currentTarget.value.replace(/\D/g, "").slice(0, 8)))}
              styles={{ input: { letterSpacing: "0.4em", textAlign: "center", fontSize: 28 } }}
            />
            <Button type="submit" size="xl" loading={checking} fullWidth>
              {t("signIn")}
            </Button>
            <Button variant="subtle" onClick={() => (setPerson(null), setPin(""))}>
              {tPin("notYou")}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
