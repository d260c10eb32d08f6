import { describe, expect, it } from "vitest";
import { fromStripeAmount, stripeExponent, toStripeAmount } from "./amounts.ts";

describe("Stripe amounts", () => {
  it("passes two-decimal currencies through", () => {
    expect(toStripeAmount(1999, "EUR")).toBe(1999);
    expect(fromStripeAmount(1999, "eur")).toBe(1999);
    expect(toStripeAmount(12345, "TWD")).toBe(12345); // two-decimal in ISO and for Stripe charges
  });

  it("passes Stripe's zero-decimal currencies through (JPY, UGX, KRW)", () => {
    expect(toStripeAmount(500, "JPY")).toBe(500);
    expect(toStripeAmount(5000, "UGX")).toBe(5000);
    expect(fromStripeAmount(5000, "ugx")).toBe(5000);
    expect(stripeExponent("KRW")).toBe(0);
  });

  it("scales ISK and HUF, which Stripe keeps two-decimal while we hold whole units", () => {
    expect(toStripeAmount(5, "ISK")).toBe(500);
    expect(fromStripeAmount(500, "isk")).toBe(5);
    expect(toStripeAmount(1990, "HUF")).toBe(199000);
    expect(fromStripeAmount(199000, "HUF")).toBe(1990);
  });

  it("requires the last digit 0 for three-decimal currencies", () => {
    expect(toStripeAmount(5120, "KWD")).toBe(5120);
    expect(() => toStripeAmount(5124, "KWD")).toThrow(/must end in 0/);
  });

  it("refuses negative and fractional amounts", () => {
    expect(() => toStripeAmount(-1, "EUR")).toThrow();
    expect(() => toStripeAmount(1.5, "EUR")).toThrow();
  });
});
