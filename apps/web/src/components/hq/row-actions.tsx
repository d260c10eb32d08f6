"use client";
import { ActionIcon, Button, Group, Menu } from "@mantine/core";
import { IconDots, IconPencil } from "@tabler/icons-react";
import type { ReactNode } from "react";

/** The end of an HQ table row: an Edit button and a "more" menu (Menu.Item children). */
export function RowActions({ editText, editLabel, onEdit, moreLabel, children }: { editText: string; editLabel: string; onEdit: () => void; moreLabel: string; children: ReactNode }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Button variant="subtle" size="sm" mih={40} leftSection={<IconPencil size={16} aria-hidden />} aria-label={editLabel} onClick={onEdit}>
        {editText}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" size={40} aria-label={moreLabel}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>{children}</Menu.Dropdown>
      </Menu>
    </Group>
  );
}
