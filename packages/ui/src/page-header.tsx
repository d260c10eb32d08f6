import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export interface PageHeaderProps {
  title: ReactNode;
  /** What the page is for, in a sentence or two. */
  intro?: ReactNode;
  /** Above the title: breadcrumbs back to the parent page. */
  breadcrumbs?: ReactNode;
  /** At the end of the title row: the page's main actions. */
  actions?: ReactNode;
}

/** The top of every area page: one h1, the intro under it, actions at the end of the row. */
export function PageHeader({ title, intro, breadcrumbs, actions }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" gap="md">
      <Stack gap={6}>
        {breadcrumbs}
        <Title order={1} size="h2">
          {title}
        </Title>
        {intro ? (
          <Text c="dimmed" maw={820}>
            {intro}
          </Text>
        ) : null}
      </Stack>
      {actions}
    </Group>
  );
}
