"use client";
import { Center, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconDeviceTablet, IconMail } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { PasswordForm } from "./password-form.tsx";
import { PinSignIn } from "./pin-sign-in.tsx";

type Mode = "password" | "pin";

export function LoginScreen({ callbackUrl, deviceStoreId }: { callbackUrl: string | null; deviceStoreId: string | null }) {
  const t = useTranslations("login");
  const app = useTranslations("app");
  // A device already set to a store opens on the PIN pad: that is how the floor signs in.
  const [mode, setMode] = useState<Mode>(deviceStoreId ? "pin" : "password");

  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" radius="lg" p={{ base: "lg", sm: "xl" }} w="100%" maw={mode === "pin" ? 720 : 460}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Text fw={700} c="indigo" size="sm" tt="uppercase" style={{ letterSpacing: "0.08em" }}>
              {app("name")}
            </Text>
            <Title order={1} size="h2">
              {t("title")}
            </Title>
            <Text c="dimmed" size="sm">
              {t("subtitle")}
            </Text>
          </Stack>
          <SegmentedControl
            fullWidth
            size="md"
            aria-label={t("modeLabel")}
            value={mode}
            onChange={(value) => setMode(value as Mode)}
            data={[
              {
                value: "password",
                label: (
                  <Center style={{ gap: 8 }}>
                    <IconMail size={18} aria-hidden />
                    <span>{t("modes.password")}</span>
                  </Center>
                ),
              },
              {
                value: "pin",
                label: (
                  <Center style={{ gap: 8 }}>
                    <IconDeviceTablet size={18} aria-hidden />
                    <span>{t("modes.pin")}</span>
                  </Center>
                ),
              },
            ]}
          />
          {mode === "password" ? <PasswordForm callbackUrl={callbackUrl} /> : <PinSignIn callbackUrl={callbackUrl} initialStoreId={deviceStoreId} />}
        </Stack>
      </Paper>
    </Center>
  );
}
