import { describe, expect, it } from "vitest";
import { checkOrigin } from "./origin.ts";

describe("the socket Origin check", () => {
  it("allows the page's own origin and clients that send none", () => {
    expect(checkOrigin({ origin: "http://192.168.1.20:3000", host: "192.168.1.20:3000" })).toBeNull();
    expect(checkOrigin({ host: "localhost:3000" })).toBeNull();
  });

  it("refuses another site, and a look-alike port", () => {
    expect(checkOrigin({ origin: "https://evil.example", host: "pos.example" })).toMatch(/does not match/);
    expect(checkOrigin({ origin: "http://localhost:4000", host: "localhost:3000" })).toMatch(/does not match/);
    expect(checkOrigin({ origin: "null", host: "localhost:3000" })).not.toBeNull();
  });

  it("pins the configured origins when given, and trusts X-Forwarded-Host only when told", () => {
    const policy = { allowedOrigins: ["https://pos.example/"] };
    expect(checkOrigin({ origin: "https://pos.example", host: "10.0.0.5:3000" }, policy)).toBeNull();
    expect(checkOrigin({ origin: "https://other.example", host: "other.example" }, policy)).toMatch(/is not/);
    const proxied = { origin: "https://pos.example", host: "app:3000", "x-forwarded-host": "pos.example" };
    expect(checkOrigin(proxied)).not.toBeNull();
    expect(checkOrigin(proxied, { trustForwardedHost: true })).toBeNull();
  });
});
