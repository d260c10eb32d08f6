"use client";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import type { ReactNode } from "react";

export interface ErrorStateProps {
  title: ReactNode;
  /** What went wrong, written for the person reading it. */
  message: ReactNode;
  /** Small print such as a request id to quote to support. */
  reference?: ReactNode;
  retryLabel?: string;
  onRetry?: () => void;
  /** More actions (e.g. a link home). */
  actions?: ReactNode;
}

export function ErrorState({ title, message, reference, retryLabel, onRetry, actions }: ErrorStateProps) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        {reference ? (
          <Text size="xs" c="dimmed">
            {reference}
          </Text>
        ) : null}
        {onRetry || actions ? (
          <Group gap="sm">
            {onRetry ? (
              <Button size="sm" variant="filled" color="red" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRetry}>
                {retryLabel}
              </Button>
            ) : null}
            {actions}
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
