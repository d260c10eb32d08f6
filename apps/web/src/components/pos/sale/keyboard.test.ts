import { describe, expect, it } from "vitest";
import { commandFor, isEditableTarget, saleBindings, ScanDetector, shortcutLabel, type SaleCommand } from "./keyboard.ts";

/** Types `text` then Enter, `gap` ms apart, starting at `start`; returns every step. */
function type(detector: ScanDetector, text: string, gap: number, start = 1000) {
  const steps = [...text].map((key, i) => detector.feed({ key }, start + i * gap));
  steps.push(detector.feed({ key: "Enter" }, start + text.length * gap));
  return steps;
}

describe("telling a barcode scanner from a person", () => {
  it("takes a fast burst ending in Enter as a scan", () => {
    const steps = type(new ScanDetector(), "4006381333931", 8);
    expect(steps.at(-1)).toEqual({ kind: "scan", code: "4006381333931" });
    // The first character might be a person's key; the rest are known to belong to a code.
    expect(steps[0]).toEqual({ kind: "pass" });
    expect(steps.slice(1, -1).every((s) => s.kind === "buffered")).toBe(true);
  });

  it("does not add up a person's typing, however long", () => {
    const steps = type(new ScanDetector(), "4006381333931", 150);
    expect(steps.at(-1)).toEqual({ kind: "pass" });
    expect(steps.every((s) => s.kind === "pass")).toBe(true);
  });

  it("needs the minimum length and a prompt Enter", () => {
    expect(type(new ScanDetector({ minLength: 4 }), "123", 5).at(-1)).toEqual({ kind: "pass" });
    const d = new ScanDetector();
    [..."40063813"].forEach((key, i) => d.feed({ key }, 1000 + i * 5));
    // Enter long after the burst: someone pressed it by hand.
    expect(d.feed({ key: "Enter" }, 2000)).toEqual({ kind: "pass" });
  });

  it("starts over after a pause, so a stray key before a scan is not part of the code", () => {
    const d = new ScanDetector();
    d.feed({ key: "x" }, 0);
    expect(type(d, "12345678", 5, 5000).at(-1)).toEqual({ kind: "scan", code: "12345678" });
  });

  it("keeps capital letters (Shift comes first) and SKUs with dashes in one code", () => {
    const d = new ScanDetector();
    const keys = ["Shift", "J", "Shift", "K", "Shift", "T", "-", "1", "2"];
    keys.forEach((key, i) => d.feed({ key }, 100 + i * 4));
    expect(d.inBurst(100 + keys.length * 4)).toBe(true);
    expect(d.feed({ key: "Enter" }, 100 + keys.length * 4)).toEqual({ kind: "scan", code: "JKT-12" });
  });

  it("never swallows a quantity key pressed right after another one", () => {
    const d = new ScanDetector();
    // "+" then "-" 20 ms apart: both are the person's quantity keys, neither starts a code.
    expect(d.feed({ key: "+" }, 1000)).toEqual({ kind: "pass" });
    expect(d.feed({ key: "-" }, 1020)).toEqual({ kind: "pass" });
    expect(d.feed({ key: "-" }, 1030)).toEqual({ kind: "pass" });
    // A scan right after still reads whole.
    expect(type(d, "4006381333931", 8, 1040).at(-1)).toEqual({ kind: "scan", code: "4006381333931" });
  });

  it("drops a burst broken by a shortcut chord or a function key", () => {
    const d = new ScanDetector();
    [..."4006"].forEach((key, i) => d.feed({ key }, i * 5));
    d.feed({ key: "c", ctrlKey: true }, 20);
    expect(d.feed({ key: "Enter" }, 25)).toEqual({ kind: "pass" });
    [..."4006"].forEach((key, i) => d.feed({ key }, 100 + i * 5));
    d.feed({ key: "F2" }, 120);
    expect(d.feed({ key: "Enter" }, 125)).toEqual({ kind: "pass" });
  });
});

describe("the sale screen's shortcut keys", () => {
  const outside = { editable: false, dialogOpen: false };
  const inField = { editable: true, dialogOpen: false };

  it("maps the function keys everywhere on the screen, also from the search field", () => {
    const fkeys: [string, SaleCommand][] = [
      ["F2", "search"],
      ["F3", "stock"],
      ["F4", "customer"],
      ["F6", "discount"],
      ["F7", "priceOverride"],
      ["F8", "park"],
      ["F9", "pay"],
      ["F10", "parked"],
    ];
    for (const [key, command] of fkeys) {
      expect(commandFor({ key }, outside)).toBe(command);
      expect(commandFor({ key }, inField)).toBe(command);
    }
  });

  it("leaves the browser's own keys alone", () => {
    for (const key of ["F1", "F5", "F11", "F12", "Tab", "Escape", "Enter"]) expect(commandFor({ key }, outside)).toBeNull();
    expect(commandFor({ key: "F9", ctrlKey: true }, outside)).toBeNull();
    expect(commandFor({ key: "r", metaKey: true }, outside)).toBeNull();
  });

  it("acts on the selected line with +, -, Delete and the arrows only outside text fields", () => {
    expect(commandFor({ key: "+" }, outside)).toBe("quantityUp");
    expect(commandFor({ key: "+", shiftKey: true }, outside)).toBe("quantityUp");
    expect(commandFor({ key: "-" }, outside)).toBe("quantityDown");
    expect(commandFor({ key: "Delete" }, outside)).toBe("voidLine");
    expect(commandFor({ key: "Delete", shiftKey: true }, outside)).toBe("voidSale");
    expect(commandFor({ key: "ArrowDown" }, outside)).toBe("selectNext");
    for (const key of ["+", "-", "Delete", "ArrowUp"]) expect(commandFor({ key }, inField)).toBeNull();
  });

  it("gives the keyboard to an open dialog", () => {
    expect(commandFor({ key: "F9" }, { editable: false, dialogOpen: true })).toBeNull();
    expect(commandFor({ key: "Delete" }, { editable: false, dialogOpen: true })).toBeNull();
  });

  it("has one command per key and prints the keys for the buttons", () => {
    const keys = Object.values(saleBindings).map((b) => `${b.shift ? "Shift+" : ""}${b.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(shortcutLabel("pay")).toBe("F9");
    expect(shortcutLabel("voidLine")).toBe("Del");
    expect(shortcutLabel("voidSale")).toBe("Shift+Del");
    expect(shortcutLabel("selectNext")).toBe("↓");
  });

  it("knows which elements take typed text", () => {
    expect(isEditableTarget({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isEditableTarget({ tagName: "input", type: "search" })).toBe(true);
    expect(isEditableTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isEditableTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isEditableTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isEditableTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });
});
