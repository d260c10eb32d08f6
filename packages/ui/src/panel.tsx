import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export interface PanelProps {
  title: ReactNode;
  /** One or two sentences under the title saying what the panel is for. */
  description?: ReactNode;
  /** Buttons at the end of the header row (create, refresh). */
  actions?: ReactNode;
  children: ReactNode;
}

/** A bordered section of a screen: title, description, actions, then its content. */
export function Panel({ title, description, actions, children }: PanelProps) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4} maw={720}>
            <Title order={2} size="h3">
              {title}
            </Title>
            {description ? (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            ) : null}
          </Stack>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
