import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
import type { Metadata } from "next";
import { TasksInbox } from "../../../../components/hq/tasks/tasks-inbox.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqTasks"))("title") };
}

/** HQ › Tasks: the open tasks and tickets of the whole network. */
export default async function TasksPage() {
  await requireArea("hq");
  const t = await getT("hqTasks");
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      <TasksInbox />
    </Stack>
  );
}
