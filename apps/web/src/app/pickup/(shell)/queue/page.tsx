import { Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { PickupScreen } from "../../../../components/pickup/pickup-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { loadHomeLocation } from "../../../../auth/location.ts";
import { getT } from "../../../../i18n/server.ts";
import { serverCaller } from "../../../../trpc/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("pickup"))("title") };
}

/** Pickup › Queue: the store's click-and-collect board on the associate's tablet. */
export default async function PickupQueuePage() {
  const user = await requireArea("pickup");
  const t = await getT("pickup");
  const home = await loadHomeLocation(user);
  // HQ works for every store: they choose one; store staff only ever see their own.
  const stores =
    home.status === "ok"
      ? [{ id: home.location.id, name: home.location.name }]
      : (await (await serverCaller(user)).locations.list()).filter((l) => l.kind === "STORE").map((l) => ({ id: l.id, name: l.name }));
  const storeName = home.status === "ok" ? home.location.name : "";
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} size="h2">
          {t("title")}
        </Title>
        <Text c="dimmed" maw={820}>
          {t("intro", { store: storeName || "—" })}
        </Text>
      </Stack>
      <PickupScreen meId={user.id} homeLocationId={home.status === "ok" ? home.location.id : null} stores={stores} timeZone={home.status === "ok" ? home.location.timeZone : "UTC"} />
    </Stack>
  );
}
