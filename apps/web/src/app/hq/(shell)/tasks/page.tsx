import { Stack, Text, Title } from "@mantine/core";
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
      <Stack gap={6}>
        <Title order={1} size="h2">
          {t("title")}
        </Title>
        <Text c="dimmed" maw={820}>
          {t("intro")}
        </Text>
      </Stack>
      <TasksInbox />
    </Stack>
  );
}
