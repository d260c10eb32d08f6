import { describe, expect, it } from "vitest";
import { pickRegister } from "./till-register.ts";

const reg = (id: string, openedBy: string) => ({ id, session: { openedBy: { id: openedBy } } });

describe("which register the till sells on", () => {
  const r1 = reg("r1", "anna");
  const r2 = reg("r2", "ben");
  const r3 = reg("r3", "anna");

  it("takes the device's register while it is open", () => {
    expect(pickRegister([r1, r2], "r2", "anna")).toBe(r2);
  });

  it("falls back to the one this person opened, then to the only open one", () => {
    expect(pickRegister([r1, r2], "gone", "anna")).toBe(r1);
    expect(pickRegister([r2], null, "anna")).toBe(r2);
  });

  it("asks when it cannot tell, and has nothing when nothing is open", () => {
    expect(pickRegister([r1, r3, r2], null, "anna")).toBeNull();
    expect(pickRegister([r1, r2], null, "carl")).toBeNull();
    expect(pickRegister([], "r1", "anna")).toBeNull();
  });
});
