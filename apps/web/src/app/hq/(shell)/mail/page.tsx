import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireArea } from "../../../../auth/guard.ts";
import { loadHomeLocation } from "../../../../auth/location.ts";
import { MailLogScreen } from "../../../../components/hq/mail/mail-log-screen.tsx";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("mail"))("title") };
}

/** HQ › Mail: the log of every customer message (receipts, pickup, refunds) and how sending went. */
export default async function MailPage() {
  const user = await requireArea("hq");
  const t = await getT("mail");
  const home = await loadHomeLocation(user);
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Suspense>
        <MailLogScreen timeZone={home.status === "ok" ? home.location.timeZone : null} />
      </Suspense>
    </Stack>
  );
}
