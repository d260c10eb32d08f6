// The till's keyboard, framework-free so it is unit-tested: telling a barcode scanner (a
// "keyboard" that types a code in a few milliseconds and presses Enter) from a person, and
// mapping keys to the sale screen's commands. The React hook in use-till-keys.ts feeds it.

/** Commands the sale screen offers on a key; the labels on the buttons show the same keys. */
export type SaleCommand =
  | "search"
  | "customer"
  | "stock"
  | "discount"
  | "priceOverride"
  | "park"
  | "parked"
  | "pay"
  | "quantityUp"
  | "quantityDown"
  | "voidLine"
  | "voidSale"
  | "selectPrevious"
  | "selectNext";

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

interface Binding {
  key: string;
  shift?: boolean;
  /** Also when a text field has focus (function keys do not type anything). */
  inFields: boolean;
}

/**
 * One binding per command. Function keys avoid the browser's own (F5 reload, F11 full
 * screen, F12 tools); +, - and Delete act on the selected line only outside text fields,
 * where they would otherwise edit text.
 */
export const saleBindings: Record<SaleCommand, Binding> = {
  search: { key: "F2", inFields: true },
  stock: { key: "F3", inFields: true },
  customer: { key: "F4", inFields: true },
  discount: { key: "F6", inFields: true },
  priceOverride: { key: "F7", inFields: true },
  park: { key: "F8", inFields: true },
  pay: { key: "F9", inFields: true },
  parked: { key: "F10", inFields: true },
  quantityUp: { key: "+", inFields: false },
  quantityDown: { key: "-", inFields: false },
  voidLine: { key: "Delete", inFields: false },
  voidSale: { key: "Delete", shift: true, inFields: false },
  selectPrevious: { key: "ArrowUp", inFields: false },
  selectNext: { key: "ArrowDown", inFields: false },
};

/** The key as printed on a button ("F9", "Shift+Del", "+"). */
export function shortcutLabel(command: SaleCommand): string {
  const b = saleBindings[command];
  const key = b.key === "Delete" ? "Del" : b.key === "ArrowUp" ? "↑" : b.key === "ArrowDown" ? "↓" : b.key;
  return b.shift ? `Shift+${key}` : key;
}

export interface KeyContext {
  /** Focus is in a text field, select or editable element. */
  editable: boolean;
  /** A dialog is open: it owns the keyboard (Esc closes it; its own fields and buttons). */
  dialogOpen: boolean;
}

/** The command `event` asks for, or null when the key is not the screen's. */
export function commandFor(event: KeyInput, context: KeyContext): SaleCommand | null {
  if (context.dialogOpen || event.ctrlKey || event.altKey || event.metaKey) return null;
  // "+" is Shift+= on many layouts and the numeric keypad sends "+" without Shift: compare
  // the produced character and ignore Shift for printable keys.
  const printable = event.key.length === 1;
  for (const [command, b] of Object.entries(saleBindings) as [SaleCommand, Binding][]) {
    if (b.key !== event.key) continue;
    if (!printable && Boolean(b.shift) !== Boolean(event.shiftKey)) continue;
    if (context.editable && !b.inFields) continue;
    return command;
  }
  return null;
}

export interface ScanDetectorOptions {
  /** Shortest code accepted as a scan (EAN-8 has 8; SKUs may be shorter). */
  minLength?: number;
  /** Longest pause between two characters of one scan, in ms (scanners: 5–30; people: 150+). */
  maxGapMs?: number;
}

export type ScanStep =
  /** A complete scan: the screen adds the item; the Enter must not reach anything else. */
  | { kind: "scan"; code: string }
  /** Part of a scan in progress (or possibly): keep the character from acting as a shortcut. */
  | { kind: "buffered" }
  /** Not a scan: the key does what it normally does. */
  | { kind: "pass" };

/**
 * Tells a scanner's burst from typing. Characters arriving at most `maxGapMs` apart are
 * collected; Enter after at least `minLength` of them is a scan. A slower key starts a new
 * burst, so a person's keystrokes never add up to a code. Only keys outside text fields
 * are fed (inside a field the field's own Enter handles codes).
 */
const QUANTITY_KEYS = new Set(["+", "-"]);

export class ScanDetector {
  private buffer = "";
  private last = -Infinity;
  private readonly minLength: number;
  private readonly maxGapMs: number;

  constructor(options: ScanDetectorOptions = {}) {
    this.minLength = options.minLength ?? 4;
    this.maxGapMs = options.maxGapMs ?? 100;
  }

  /** Whether a burst is under way at `time` (a "-" now belongs to a code, not to the quantity). */
  inBurst(time: number): boolean {
    return this.buffer.length > 0 && time - this.last <= this.maxGapMs;
  }

  feed(event: KeyInput, time: number): ScanStep {
    if (event.ctrlKey || event.altKey || event.metaKey) {
      this.reset();
      return { kind: "pass" };
    }
    const fresh = time - this.last <= this.maxGapMs;
    if (event.key === "Enter") {
      const code = this.buffer;
      const complete = fresh && code.length >= this.minLength;
      this.reset();
      return complete ? { kind: "scan", code } : { kind: "pass" };
    }
    if (event.key.length !== 1) {
      // Shift comes with capital letters; other keys (arrows, F-keys) end any burst.
      if (event.key !== "Shift") this.reset();
      return { kind: "pass" };
    }
    const continuing = fresh && this.buffer.length > 0;
    if (!continuing && QUANTITY_KEYS.has(event.key)) {
      // A "+" or "-" that starts nothing is the person's quantity key; it must not swallow a
      // second quantity key pressed right after it (codes never start with them).
      this.reset();
      return { kind: "pass" };
    }
    this.buffer = continuing ? this.buffer + event.key : event.key;
    this.last = time;
    // The first character could still be a person's shortcut ("+", "-"); later ones are the code's.
    return continuing ? { kind: "buffered" } : { kind: "pass" };
  }

  reset(): void {
    this.buffer = "";
    this.last = -Infinity;
  }
}

/** Whether an element takes typed text (the scanner listener and line keys stay out of it). */
export function isEditableTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!target?.tagName) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target.type ?? "text").toLowerCase();
  return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"].includes(type);
}
