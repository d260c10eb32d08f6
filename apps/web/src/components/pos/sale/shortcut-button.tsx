"use client";
import { Button, Kbd, type ButtonProps } from "@mantine/core";
import type { ReactNode } from "react";
import { shortcutLabel, type SaleCommand } from "./keyboard.ts";

type ShortcutButtonProps = ButtonProps & {
  command: SaleCommand;
  onClick: () => void;
  children: ReactNode;
  "data-testid"?: string;
};

/**
 * A till button that shows its key ("Pay F9"): big enough for a finger (48 px and more),
 * and the key is part of its accessible name's description via aria-keyshortcuts.
 */
export function ShortcutButton({ command, children, size = "lg", ...props }: ShortcutButtonProps) {
  const key = shortcutLabel(command);
  return (
    <Button
      size={size}
      aria-keyshortcuts={key.replace("Del", "Delete")}
      rightSection={
        <Kbd size="xs" aria-hidden style={{ opacity: 0.85 }}>
          {key}
        </Kbd>
      }
      {...props}
      styles={{ root: { minHeight: 48, ...(props.styles as { root?: object } | undefined)?.root }, label: { whiteSpace: "normal", textAlign: "start", lineHeight: 1.15, ...(props.styles as { label?: object } | undefined)?.label } }}
    >
      {children}
    </Button>
  );
}
