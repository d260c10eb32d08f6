"use client";
import { useEffect, useRef } from "react";
import { commandFor, isEditableTarget, ScanDetector, type SaleCommand } from "./keyboard.ts";

interface TillKeysOptions {
  /** A scanner's burst ended in Enter while no text field had focus. */
  onScan: (code: string) => void;
  onCommand: (command: SaleCommand) => void;
  /** A dialog owns the keyboard: no scans, no shortcuts (Esc is the dialog's). */
  dialogOpen: boolean;
}

/**
 * The sale screen's keyboard, listened to on the window in the capture phase so a scan
 * reaches the cart wherever focus is (a button, the page) and its Enter never presses
 * the focused button. Inside text fields the fields handle Enter themselves.
 */
export function useTillKeys({ onScan, onCommand, dialogOpen }: TillKeysOptions): void {
  const latest = useRef({ onScan, onCommand, dialogOpen });
  useEffect(() => {
    latest.current = { onScan, onCommand, dialogOpen };
  });
  useEffect(() => {
    const detector = new ScanDetector();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const { dialogOpen: dialog } = latest.current;
      const editable = isEditableTarget(event.target as HTMLElement | null);
      if (!editable && !dialog) {
        const step = detector.feed(event, performance.now());
        if (step.kind === "scan") {
          event.preventDefault();
          event.stopPropagation();
          latest.current.onScan(step.code);
          return;
        }
        if (step.kind === "buffered") {
          // A "-" or "+" inside a code belongs to the code, not to the line's quantity.
          event.preventDefault();
          return;
        }
      } else {
        detector.reset();
      }
      const command = commandFor(event, { editable, dialogOpen: dialog });
      if (!command) return;
      event.preventDefault();
      latest.current.onCommand(command);
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);
}
