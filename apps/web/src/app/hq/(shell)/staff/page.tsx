import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
import type { Metadata } from "next";
import { StaffScreen } from "../../../../components/hq/staff/staff-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqStaff"))("title") };
}

/** HQ › Staff: accounts, roles, home stores, passwords and PINs; deactivation ends sessions at once. */
export default async function StaffPage() {
  const user = await requireArea("hq");
  const t = await getT("hqStaff");
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      <StaffScreen currentUserId={user.id} />
    </Stack>
  );
}
