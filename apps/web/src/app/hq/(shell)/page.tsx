import { Alert, Paper, Stack, Text, Title } from "@mantine/core";
import type { LocationSummary } from "@oms/contracts";
import { IconInfoCircle } from "@tabler/icons-react";
import type { Metadata } from "next";
import { WelcomeHeader } from "../../../components/area-overview.tsx";
import { LocationsTable } from "../../../components/locations-table.tsx";
import { requireArea } from "../../../auth/guard.ts";
import { getT } from "../../../i18n/server.ts";
import { serverCaller } from "../../../trpc/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("areas"))("hq") };
}

export default async function HqHome() {
  const user = await requireArea("hq");
  const t = await getT("overview");
  const roles = await getT("roles");
  let locations: LocationSummary[] | null = null;
  try {
    locations = await (await serverCaller(user)).locations.list();
  } catch (error) {
    console.error("[web] could not list locations:", error);
  }
  const count = (kind: LocationSummary["kind"]) => locations?.filter((l) => l.kind === kind).length ?? 0;

  return (
    <Stack gap="lg">
      <WelcomeHeader user={user} intro={t("hq.intro")} roleLabel={roles(user.role)} />
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {t("hq.locationsTitle")}
            </Title>
            {locations ? (
              <Text size="sm" c="dimmed">
                {t("hq.counts", { stores: count("STORE"), warehouses: count("WAREHOUSE"), suppliers: count("DROPSHIP_SUPPLIER") })}
              </Text>
            ) : null}
          </Stack>
          {locations ? (
            <LocationsTable locations={locations} />
          ) : (
            <Alert variant="light" color="red" icon={<IconInfoCircle aria-hidden />}>
              {t("hq.locationsFailed")}
            </Alert>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
