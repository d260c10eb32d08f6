import { AppError, FulfillmentStatus, OrderStatus } from "@oms/contracts";
import { describe, expect, it } from "vitest";
import { assertFulfillmentTransition, canTransitionFulfillment, fulfillmentTransitions } from "../fulfillment/state-machine.ts";
import { assertOrderTransition, canTransitionOrder, orderTransitions } from "./state-machine.ts";

// A tiny deterministic PRNG so a failure can be replayed from its seed.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function machines<S extends string>(name: string, table: Readonly<Record<S, readonly S[]>>, all: readonly S[], start: S, assert: (a: S, b: S) => void, can: (a: S, b: S) => boolean) {
  describe(`${name} state machine`, () => {
    it("lists every status and only known statuses", () => {
      expect(Object.keys(table).sort()).toEqual([...all].sort());
      for (const targets of Object.values(table) as S[][]) for (const t of targets) expect(all).toContain(t);
    });

    it("random walks of random commands never make a transition outside the table", () => {
      for (let seed = 1; seed <= 200; seed++) {
        const random = prng(seed);
        let state = start;
        for (let step = 0; step < 60; step++) {
          const wanted = all[Math.floor(random() * all.length)]!;
          let accepted = true;
          try {
            assert(state, wanted);
          } catch (error) {
            accepted = false;
            expect(AppError.isAppError(error) && error.code === "INVALID_TRANSITION", `seed ${seed}`).toBe(true);
          }
          expect(accepted, `seed ${seed}: ${state} -> ${wanted}`).toBe(table[state].includes(wanted));
          expect(can(state, wanted)).toBe(accepted);
          if (accepted) state = wanted;
        }
      }
    });

    it(`reaches every status from ${start}`, () => {
      const seen = new Set<S>([start]);
      const queue: S[] = [start];
      while (queue.length > 0) {
        for (const next of table[queue.shift()!]) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect([...seen].sort()).toEqual([...all].sort());
    });

    it("gives terminal statuses no exits and every other status a way to a terminal one", () => {
      const terminal = all.filter((s) => table[s].length === 0);
      expect(terminal.length).toBeGreaterThan(0);
      for (const s of terminal) for (const t of all) expect(can(s, t)).toBe(false);
      for (const s of all) {
        const seen = new Set<S>([s]);
        const queue: S[] = [s];
        while (queue.length > 0) {
          for (const n of table[queue.shift()!]) {
            if (seen.has(n)) continue;
            seen.add(n);
            queue.push(n);
          }
        }
        expect(terminal.some((t) => seen.has(t)), `${s} reaches a terminal status`).toBe(true);
      }
    });

    it("never allows staying in place as a transition", () => {
      for (const s of all) expect(can(s, s)).toBe(false);
    });
  });
}

machines("order", orderTransitions, OrderStatus.options, "DRAFT", assertOrderTransition, canTransitionOrder);
machines("fulfillment", fulfillmentTransitions, FulfillmentStatus.options, "NEW", assertFulfillmentTransition, canTransitionFulfillment);

describe("order transitions named in the lifecycle", () => {
  it("cancels only before fulfilment and returns only after it", () => {
    for (const s of ["DRAFT", "PENDING_VALIDATION", "ON_HOLD", "ALLOCATED", "IN_FULFILLMENT", "PARTIALLY_FULFILLED"] as const) expect(canTransitionOrder(s, "CANCELLED")).toBe(true);
    for (const s of ["FULFILLED", "COMPLETED", "PARTIALLY_RETURNED", "RETURNED"] as const) expect(canTransitionOrder(s, "CANCELLED")).toBe(false);
    for (const s of ["FULFILLED", "COMPLETED", "PARTIALLY_RETURNED"] as const) expect(canTransitionOrder(s, "RETURNED")).toBe(true);
    expect(canTransitionOrder("ALLOCATED", "RETURNED")).toBe(false);
  });
  it("says what is wrong in words", () => {
    expect(() => assertOrderTransition("CANCELLED", "ALLOCATED")).toThrow("An order that is cancelled cannot become allocated.");
    expect(() => assertFulfillmentTransition("SHIPPED", "CANCELLED")).toThrow("A fulfillment order that is shipped cannot become cancelled.");
  });
});
