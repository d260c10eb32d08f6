import { describe, expect, it } from "vitest";
import { isQueryOf, staleRouters } from "./topics.ts";

describe("which queries a live event makes stale", () => {
  it("maps topics to tRPC routers and matches their query keys", () => {
    const routers = staleRouters(["inventory.changed", "something.new"]);
    expect(routers.has("inventory")).toBe(true);
    expect(routers.has("orders")).toBe(false);
    expect(isQueryOf([["inventory", "levels"], { input: { locationId: "x" }, type: "query" }], routers)).toBe(true);
    expect(isQueryOf([["orders", "list"], { type: "query" }], routers)).toBe(false);
    expect(isQueryOf(["inventory"], routers)).toBe(false);
  });
});
