import { describe, expect, it } from "vitest";
import { changeOf, fieldErrors, fieldsUnder, isDirty, move, newRule, summarize, toInput, type DraftRule } from "./draft.ts";

function rule(id: string, over: Partial<DraftRule> = {}): DraftRule {
  return { ...newRule(), key: id, id, name: id.toUpperCase(), ...over };
}

describe("the routing draft", () => {
  const saved = [rule("a"), rule("b"), rule("c")];

  it("moves a rule up and down within the list", () => {
    expect(move(saved, 2, -1).map((r) => r.id)).toEqual(["a", "c", "b"]);
    expect(move(saved, 0, -1)).toBe(saved);
    expect(move(saved, 0, 5).map((r) => r.id)).toEqual(["b", "c", "a"]);
  });

  it("numbers priorities by place and drops the shipment limit unless the policy uses it", () => {
    const input = toInput([rule("a", { maxShipments: 3 }), rule("b", { splitPolicy: "MAX_SHIPMENTS", maxShipments: 2 })]);
    expect(input.map((r) => [r.priority, r.maxShipments])).toEqual([
      [10, null],
      [20, 2],
    ]);
  });

  it("tells new, edited, moved and removed rules apart", () => {
    const draft = [rule("c"), rule("a", { name: "A renamed" }), rule("new", { id: null })];
    expect(draft.map((_, i) => changeOf(saved, draft, i))).toEqual(["moved", "edited", "new"]);
    expect(summarize(saved, draft)).toEqual({ added: 1, edited: 1, moved: 1, removed: 1 });
    expect(isDirty(summarize(saved, saved))).toBe(false);
    // Removing a rule does not make the ones after it "moved".
    const without = [saved[0]!, saved[2]!];
    expect(without.map((_, i) => changeOf(saved, without, i))).toEqual([null, null]);
  });

  it("reads field errors by their whole path", () => {
    const error = { data: { fields: [{ path: ["rules", 1, "name"], message: "Give the rule a name" }, { path: ["items", 0, "sku"], message: "No product has the SKU X" }] } };
    const fields = fieldErrors(error);
    expect(fields).toEqual({ "rules.1.name": "Give the rule a name", "items.0.sku": "No product has the SKU X" });
    expect(fieldsUnder(fields, "rules.1")).toEqual({ name: "Give the rule a name" });
    expect(fieldErrors(new Error("boom"))).toEqual({});
  });
});
