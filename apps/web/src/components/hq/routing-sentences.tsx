"use client";
import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconRoute, IconX } from "@tabler/icons-react";
import type { RoutingExplanation } from "./routing-explanation.ts";

/** Badge colour of a routing outcome. */
export const routingOutcomeColor = { ROUTED: "teal", PARTIALLY_ROUTED: "orange", UNROUTABLE: "red" } as const;

/**
 * A routing decision as sentences (explainRoutingRun): where each part goes, what could not
 * be placed, and why the other locations were not chosen. The HQ order page shows what
 * happened; the routing simulator shows what would happen (size "md": it is the answer).
 */
export function RoutingSentences({ text, size = "sm" }: { text: RoutingExplanation; size?: "sm" | "md" }) {
  const icon = size === "md" ? { box: 22, glyph: 13 } : { box: 20, glyph: 12 };
  return (
    <>
      {text.sent.map((sentence) => (
        <Group key={sentence} gap="xs" wrap="nowrap" align="flex-start">
          <ThemeIcon size={icon.box} radius="xl" color="teal" variant="light">
            <IconRoute size={icon.glyph} aria-hidden />
          </ThemeIcon>
          <Text size={size} fw={size === "md" ? 600 : 500} data-testid="routing-sent">
            {sentence}
          </Text>
        </Group>
      ))}
      {text.unplaced ? (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ThemeIcon size={icon.box} radius="xl" color="red" variant="light">
            <IconX size={icon.glyph} aria-hidden />
          </ThemeIcon>
          <Text size="sm" c="red.8" fw={500}>
            {text.unplaced}
          </Text>
        </Group>
      ) : null}
      {text.notChosen ? (
        <Text size="sm" c="dimmed" data-testid="routing-not-chosen">
          {text.notChosen}
        </Text>
      ) : null}
    </>
  );
}
