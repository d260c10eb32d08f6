import { describe, expect, it } from "vitest";
import { refundPreview, serverMessage } from "./shared.ts";

describe("refundPreview", () => {
  it("uses the server's unit shares from the next unit on: 1000 over 3 units is 334 + 333 + 333", () => {
    const line = { lineTotal: 1000, bought: 3, returned: 0 };
    expect([1, 2, 3].map((n) => refundPreview(line, n))).toEqual([334, 667, 1000]);
    expect(refundPreview({ ...line, returned: 1 }, 1)).toBe(333);
    expect(refundPreview({ ...line, returned: 1 }, 2)).toBe(666);
  });

  it("never counts units beyond the line or below one", () => {
    expect(refundPreview({ lineTotal: 1000, bought: 3, returned: 2 }, 5)).toBe(333);
    expect(refundPreview({ lineTotal: 1000, bought: 3, returned: 0 }, 0)).toBe(0);
  });
});

describe("serverMessage", () => {
  it("drops the field prefix the form already shows", () => {
    expect(serverMessage(new Error("registerSessionId: Cash comes out of a drawer."))).toBe("Cash comes out of a drawer.");
    expect(serverMessage(new Error("lines.0.quantity: Only 1 × Jacket can be returned."))).toBe("Only 1 × Jacket can be returned.");
    expect(serverMessage("nope")).toBeNull();
  });
});
