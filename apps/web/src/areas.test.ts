import { describe, expect, it } from "vitest";
import { afterSignInPath, areaOfPath, canOpenArea, homePathFor } from "./areas.ts";

describe("areas", () => {
  it("sends each role to its own area", () => {
    expect(homePathFor("ADMIN")).toBe("/hq");
    expect(homePathFor("MANAGER")).toBe("/pos");
    expect(homePathFor("CASHIER")).toBe("/pos");
    expect(homePathFor("ASSOCIATE")).toBe("/pickup");
  });

  it("lets only the listed roles open an area", () => {
    expect(canOpenArea("ADMIN", "hq")).toBe(true);
    expect(canOpenArea("MANAGER", "hq")).toBe(false);
    expect(canOpenArea("CASHIER", "pos")).toBe(true);
    expect(canOpenArea("CASHIER", "pickup")).toBe(false);
    expect(canOpenArea("ASSOCIATE", "pos")).toBe(false);
    expect(canOpenArea("ASSOCIATE", "pickup")).toBe(true);
    expect(canOpenArea("MANAGER", "pickup")).toBe(true);
  });

  it("finds the area of a path", () => {
    expect(areaOfPath("/hq/locations?page=2")).toBe("hq");
    expect(areaOfPath("/pos")).toBe("pos");
    expect(areaOfPath("/hqx")).toBeNull();
    expect(areaOfPath("/")).toBeNull();
  });

  it("follows a callback only to an allowed page of this site", () => {
    expect(afterSignInPath("CASHIER", "/pos/orders")).toBe("/pos/orders");
    expect(afterSignInPath("CASHIER", "/hq")).toBe("/pos");
    expect(afterSignInPath("ADMIN", "http://shop.test/pickup", "http://shop.test")).toBe("/pickup");
    expect(afterSignInPath("ADMIN", "https://evil.test/hq", "http://shop.test")).toBe("/hq");
    expect(afterSignInPath("ADMIN", "//evil.test/hq")).toBe("/hq");
    expect(afterSignInPath("ASSOCIATE", "/login?x=1")).toBe("/pickup");
    expect(afterSignInPath("MANAGER", null)).toBe("/pos");
  });
});
