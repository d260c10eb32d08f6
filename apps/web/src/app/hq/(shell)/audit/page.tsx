import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditScreen } from "../../../../components/hq/audit/audit-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqAudit"))("title") };
}

/** HQ › Audit log: every recorded change and sign-in event, with before and after. */
export default async function AuditPage() {
  await requireArea("hq");
  const t = await getT("hqAudit");
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Suspense>
        <AuditScreen />
      </Suspense>
    </Stack>
  );
}
