"use client";
import { ActionIcon, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import type { ReactElement } from "react";

/** Move up / move down for an item of an ordered list (rules, ranking criteria, fallbacks): keyboard and touch alike. */
export function MoveButtons({
  canUp,
  canDown,
  onMove,
  labels,
  tooltips,
}: {
  canUp: boolean;
  canDown: boolean;
  onMove: (delta: -1 | 1) => void;
  /** Accessible names, e.g. "Move Poland up". */
  labels: { up: string; down: string };
  /** Short hover texts ("Move up"); none: no tooltip. */
  tooltips?: { up: string; down: string };
}) {
  const tip = (label: string | undefined, button: ReactElement) => (label ? <Tooltip label={label}>{button}</Tooltip> : button);
  return (
    <>
      {tip(
        tooltips?.up,
        <ActionIcon variant="subtle" disabled={!canUp} onClick={() => onMove(-1)} aria-label={labels.up}>
          <IconArrowUp size={16} aria-hidden />
        </ActionIcon>,
      )}
      {tip(
        tooltips?.down,
        <ActionIcon variant="subtle" disabled={!canDown} onClick={() => onMove(1)} aria-label={labels.down}>
          <IconArrowDown size={16} aria-hidden />
        </ActionIcon>,
      )}
    </>
  );
}
