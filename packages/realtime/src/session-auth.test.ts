import type { SessionUser } from "@oms/contracts";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { roomsFor, streamsFor, canSeeStream } from "./rooms.ts";
import { parseCookies, sessionTokenFrom, sessionUserFromCookieHeader } from "./session-auth.ts";

const secret = "test-secret-for-socket-auth-0123456789";
const cashier: SessionUser = {
  id: "0190a0b0-0000-7000-8000-000000000001",
  email: "cashier@example.test",
  name: "Ada Cashier",
  role: "CASHIER",
  locationId: "0190a0b0-0000-7000-8000-0000000000aa",
  sessionVersion: 3,
};

describe("socket handshake authentication", () => {
  it("reads the user from a next-auth session cookie", async () => {
    const token = await encode({ token: { sub: cashier.id, user: cashier }, secret });
    const header = `other=1; next-auth.session-token=${encodeURIComponent(token)}`;
    expect(await sessionUserFromCookieHeader(header, secret)).toEqual(cashier);
  });

  it("joins chunked cookies and accepts the secure cookie name", async () => {
    const token = await encode({ token: { user: cashier }, secret });
    const half = Math.floor(token.length / 2);
    const header = `__Secure-next-auth.session-token.0=${token.slice(0, half)}; __Secure-next-auth.session-token.1=${token.slice(half)}`;
    expect(sessionTokenFrom(parseCookies(header))).toBe(token);
    expect(await sessionUserFromCookieHeader(header, secret)).toEqual(cashier);
  });

  it("refuses no cookie, another secret, and a token without a user", async () => {
    expect(await sessionUserFromCookieHeader(undefined, secret)).toBeNull();
    const foreign = await encode({ token: { user: cashier }, secret: "some-other-secret-0123456789abcdef" });
    expect(await sessionUserFromCookieHeader(`next-auth.session-token=${foreign}`, secret)).toBeNull();
    const ended = await encode({ token: { sub: cashier.id }, secret });
    expect(await sessionUserFromCookieHeader(`next-auth.session-token=${ended}`, secret)).toBeNull();
  });

  it("puts admins in the network room and store staff in their store's room", () => {
    expect(roomsFor(cashier)).toEqual([`location:${cashier.locationId}`]);
    expect(roomsFor({ ...cashier, role: "ADMIN", locationId: null })).toEqual(["hq"]);
    expect(streamsFor(cashier)).toEqual([cashier.locationId]);
    expect(streamsFor({ ...cashier, role: "ADMIN", locationId: null })).toBe("all");
  });

  it("lets store staff read only their store's stream, admins every stream and HQ", () => {
    expect(canSeeStream(cashier, cashier.locationId!)).toBe(true);
    expect(canSeeStream(cashier, "0190a0b0-0000-7000-8000-0000000000bb")).toBe(false);
    expect(canSeeStream(cashier, "hq")).toBe(false);
    const admin = { ...cashier, role: "ADMIN" as const, locationId: null };
    expect(canSeeStream(admin, "hq")).toBe(true);
    expect(canSeeStream(admin, cashier.locationId!)).toBe(true);
  });
});
