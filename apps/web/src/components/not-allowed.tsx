import { getSessionUser } from "@oms/auth";
import { Center, Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { ButtonLink } from "./links.tsx";
import { homeAreaFor, type Area } from "../areas.ts";
import { getT } from "../i18n/server.ts";
import { SignOutButton } from "./sign-out-button.tsx";

/** What a signed-in person sees when their role may not open an area (HTTP 403). */
export async function NotAllowed({ area }: { area: Area }) {
  const user = await getSessionUser();
  const t = await getT("forbidden");
  const names = await getT("areas");
  const roles = await getT("roles");
  const ownArea = user ? homeAreaFor(user.role) : null;
  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={520} w="100%">
        <Stack gap="md">
          <ThemeIcon size={48} radius="xl" variant="light" color="orange">
            <IconLock size={26} aria-hidden />
          </ThemeIcon>
          <Title order={1} size="h2">
            {t("title")}
          </Title>
          <Text>{t("message", { role: user ? roles(user.role) : "—", area: names(area) })}</Text>
          <Group gap="sm">
            {ownArea ? (
              <ButtonLink href={`/${ownArea}`}>
                {t("goToOwnArea", { area: names(ownArea) })}
              </ButtonLink>
            ) : null}
            <SignOutButton label={t("signOut")} variant="default" />
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
