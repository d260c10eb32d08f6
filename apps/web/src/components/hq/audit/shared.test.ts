import { describe, expect, it } from "vitest";
import { changeRows, filtersFromSearch, filtersToSearch, otherData, readableValue } from "./shared.ts";

const labels = { yes: "Yes", no: "No", none: "—", closed: "closed", day: (d: string) => d[0]!.toUpperCase() + d.slice(1) };

describe("audit values as people read them", () => {
  it("writes opening hours one line per day, closed days named", () => {
    const hours = { mon: [{ open: "09:00", close: "13:00" }, { open: "14:00", close: "20:00" }], tue: [], wed: [], thu: [], fri: [], sat: [{ open: "10:00", close: "16:00" }], sun: [] };
    expect(readableValue(hours, labels as never).split("\n")).toEqual(["Mon 09:00–13:00, 14:00–20:00", "Tue closed", "Wed closed", "Thu closed", "Fri closed", "Sat 10:00–16:00", "Sun closed"]);
  });

  it("reads booleans, empty values and lists", () => {
    expect(readableValue(true, labels as never)).toBe("Yes");
    expect(readableValue(null, labels as never)).toBe("—");
    expect(readableValue([], labels as never)).toBe("—");
    expect(readableValue(["PICKUP", "SHIP"], labels as never)).toBe("PICKUP, SHIP");
    expect(readableValue(40, labels as never)).toBe("40");
  });

  it("lists each changed field once with both sides, a creation with nothing before", () => {
    expect(changeRows({ before: { dailyCapacity: 40 }, after: { dailyCapacity: null } })).toEqual([{ field: "dailyCapacity", before: 40, after: null }]);
    expect(changeRows({ before: null, after: { name: "A", role: "CASHIER" } })).toEqual([
      { field: "name", before: null, after: "A" },
      { field: "role", before: null, after: "CASHIER" },
    ]);
    expect(changeRows({ sessionVersion: 2 })).toEqual([]);
    expect(otherData({ before: {}, after: {}, sessionVersion: 2 })).toEqual({ sessionVersion: 2 });
  });

  it("keeps the filters in the query string both ways, dropping empty ones", () => {
    const search = filtersToSearch({ entityType: "Location", actor: "Ada", from: "2026-12-01", entityId: "" });
    expect(search).toBe("entityType=Location&actor=Ada&from=2026-12-01");
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual({ entityType: "Location", actor: "Ada", from: "2026-12-01" });
  });
});
