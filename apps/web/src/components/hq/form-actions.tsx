"use client";
import { Button, Group } from "@mantine/core";

/** The foot of an HQ form in a modal: cancel, then the submit button that shows it is saving. */
export function FormActions({ cancelText, submitText, onCancel, saving }: { cancelText: string; submitText: string; onCancel: () => void; saving: boolean }) {
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" size="md" onClick={onCancel} disabled={saving}>
        {cancelText}
      </Button>
      <Button type="submit" size="md" loading={saving}>
        {submitText}
      </Button>
    </Group>
  );
}
