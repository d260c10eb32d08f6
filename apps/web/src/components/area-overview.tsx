import { Alert, Badge, Group, List, ListItem, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { SessionUser } from "@oms/contracts";
import { IconInfoCircle } from "@tabler/icons-react";
import { AnchorLink } from "./links.tsx";
import type { Area } from "../areas.ts";
import { loadHomeLocation } from "../auth/location.ts";
import { getT } from "../i18n/server.ts";
import { LocationDetails } from "./location-details.tsx";

/** The landing page of /pos and /pickup: who you are, your store, where to go next. */
export async function AreaOverview({ area, user }: { area: "pos" | "pickup"; user: SessionUser }) {
  const t = await getT("overview");
  const roles = await getT("roles");
  const nav = await getT("nav");
  const home = await loadHomeLocation(user);
  const storeName = home.status === "ok" ? home.location.name : "";

  const next: { href: string; label: string; hint: string }[] =
    area === "pos"
      ? [
          { href: "/pos/sale", label: nav("pos.sale"), hint: t("pos.sale", { store: storeName }) },
          { href: "/pos/orders", label: nav("pos.orders"), hint: t("pos.orders") },
          { href: "/pos/returns", label: nav("pos.returns"), hint: t("pos.returns") },
        ]
      : [
          { href: "/pickup/queue", label: nav("pickup.queue"), hint: t("pickup.queue", { store: storeName }) },
          { href: "/pickup/picking", label: nav("pickup.picking"), hint: t("pickup.picking") },
          { href: "/pickup/tasks", label: nav("pickup.tasks"), hint: t("pickup.tasks") },
        ];

  return (
    <Stack gap="lg" maw={1100}>
      <WelcomeHeader user={user} intro={area === "pos" ? t("pos.intro") : t("pickup.intro")} roleLabel={roles(user.role)} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {home.status === "ok" ? (
          <LocationDetails location={home.location} title={t("storeTitle")} />
        ) : (
          <Alert variant="light" color={home.status === "failed" ? "red" : "yellow"} icon={<IconInfoCircle aria-hidden />}>
            {home.status === "failed" ? t("storeUnavailable") : t("noStore")}
          </Alert>
        )}
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t("whatYouCanDo")}
            </Title>
            <List spacing="sm" listStyleType="none" p={0}>
              {next.map((item) => (
                <ListItem key={item.href}>
                  <AnchorLink href={item.href} fw={600}>
                    {item.label}
                  </AnchorLink>
                  <Text size="sm" c="dimmed">
                    {item.hint}
                  </Text>
                </ListItem>
              ))}
            </List>
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

export async function WelcomeHeader({ user, intro, roleLabel }: { user: SessionUser; intro: string; roleLabel: string }) {
  const t = await getT("overview");
  return (
    <Stack gap={6}>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {t("welcome", { name: user.name })}
        </Title>
        <Badge variant="light" size="lg">
          {roleLabel}
        </Badge>
      </Group>
      <Text c="dimmed">{intro}</Text>
    </Stack>
  );
}

export type { Area };
