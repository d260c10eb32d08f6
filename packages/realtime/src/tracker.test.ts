import { describe, expect, it } from "vitest";
import { StreamTracker } from "./client/tracker.ts";

const A = "loc-a";
const ev = (stream: string, seq: number) => ({ id: `${stream}-${seq}`, stream, seq });

describe("StreamTracker", () => {
  it("applies the next number, drops repeats and reports gaps", () => {
    const t = new StreamTracker();
    expect(t.hello([A], { [A]: 4 })).toEqual([]);
    expect(t.check(ev(A, 5))).toEqual({ kind: "apply" });
    t.applied(ev(A, 5));
    expect(t.check(ev(A, 5))).toEqual({ kind: "duplicate" });
    expect(t.check(ev(A, 3))).toEqual({ kind: "duplicate" });
    expect(t.check(ev(A, 8))).toEqual({ kind: "gap", after: 5 });
  });

  it("after a reconnect, lists the streams that moved on (stored numbers survive a reload)", () => {
    const t = new StreamTracker({ last: { [A]: 10, hq: 2 } });
    expect(t.hello("all", { [A]: 12, hq: 2, "loc-b": 7 })).toEqual([{ stream: A, after: 10 }]);
    expect(t.lastApplied("loc-b")).toBe(7);
    // A stream that appears later (first event numbered 1) applies; a later one is a gap.
    expect(t.check(ev("loc-c", 1))).toEqual({ kind: "apply" });
    expect(t.check(ev("loc-d", 3))).toEqual({ kind: "gap", after: 0 });
  });

  it("heads tell a client it is behind; events of streams it does not follow apply once", () => {
    const t = new StreamTracker();
    t.hello([A], { [A]: 1 });
    expect(t.heads({ [A]: 3 })).toEqual([{ stream: A, after: 1 }]);
    expect(t.heads({ "loc-b": 9 })).toEqual([]);
    const foreign = ev("loc-b", 9);
    expect(t.check(foreign)).toEqual({ kind: "apply" });
    t.applied(foreign);
    expect(t.check(foreign)).toEqual({ kind: "duplicate" });
    expect(t.state()).toEqual({ streams: [A], last: { [A]: 1 } });
  });
});
