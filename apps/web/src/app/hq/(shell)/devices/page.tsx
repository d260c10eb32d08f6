import { Stack } from "@mantine/core";
import type { Metadata } from "next";
import { DevicesScreen } from "../../../../components/hq/devices/devices-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("posOffline"))("devices.title") };
}

/** HQ › Till devices: every till's sync state (docs/pos.md#offline). */
export default async function DevicesPage() {
  await requireArea("hq");
  return (
    <Stack gap="lg">
      <DevicesScreen />
    </Stack>
  );
}
