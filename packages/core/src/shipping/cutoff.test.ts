import { describe, expect, it } from "vitest";
import { cutoffOn, shipByFor, zonedInstant } from "./cutoff.ts";

describe("carrier cut-off in the location's time zone", () => {
  it("an order before today's cut-off leaves today, one after it tomorrow", () => {
    // Berlin in winter is UTC+1: 16:00 local = 15:00 UTC.
    expect(shipByFor(new Date("2026-12-02T09:00:00Z"), "16:00", "Europe/Berlin").toISOString()).toBe("2026-12-02T15:00:00.000Z");
    expect(shipByFor(new Date("2026-12-02T15:00:00Z"), "16:00", "Europe/Berlin").toISOString()).toBe("2026-12-03T15:00:00.000Z");
    // Late evening in Warsaw is already tomorrow in UTC terms of the local day.
    expect(shipByFor(new Date("2026-12-02T23:30:00Z"), "16:00", "Europe/Warsaw").toISOString()).toBe("2026-12-03T15:00:00.000Z");
  });

  it("keeps the wall-clock time across daylight saving changes", () => {
    // Stockholm: summer UTC+2, winter UTC+1; DST ends 25 Oct 2026.
    expect(cutoffOn(new Date("2026-10-24T08:00:00Z"), "17:30", "Europe/Stockholm").toISOString()).toBe("2026-10-24T15:30:00.000Z");
    expect(shipByFor(new Date("2026-10-24T18:00:00Z"), "17:30", "Europe/Stockholm").toISOString()).toBe("2026-10-25T16:30:00.000Z");
    expect(zonedInstant(2026, 3, 29, 12, 0, "Europe/Berlin").toISOString()).toBe("2026-03-29T10:00:00.000Z");
  });
});
