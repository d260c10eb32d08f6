import { z } from "zod";

const Env = z.object({
  /** Stripe secret key (sk_test_… / sk_live_… / rk_…). Unset: the simulated provider. */
  STRIPE_SECRET_KEY: z.string().trim().min(1).optional(),
  /** Signing secret of the webhook endpoint (whsec_…). Unset: /api/webhooks/stripe answers 503. */
  STRIPE_WEBHOOK_SECRET: z.string().trim().min(1).optional(),
  /** Seconds a webhook signature stays valid (Stripe's default tolerance is 300). */
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /** Other Stripe API host (stripe-mock, a test double); production leaves these unset. */
  STRIPE_API_HOST: z.string().trim().min(1).optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
  /** Retries of a failed network call by the SDK, with the same idempotency key. */
  STRIPE_MAX_NETWORK_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /**
   * Our location code (or id) → Stripe Terminal location id, as JSON:
   * {"WAW1":"tml_123"}. Without an entry a store's readers are those whose metadata names
   * it (`oms_location_code` or `oms_location_id`).
   */
  STRIPE_TERMINAL_LOCATIONS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text?.trim()) return {} as Record<string, string>;
      try {
        const value = JSON.parse(text) as unknown;
        if (value && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string")) return value as Record<string, string>;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: 'Use a JSON object of location code → Stripe Terminal location id, e.g. {"WAW1":"tml_123"}' });
      return z.NEVER;
    }),
  /** Milliseconds the simulated reader "waits for the card" before it answers. */
  SIMULATED_READER_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(2_500),
});

export type PaymentsEnv = z.infer<typeof Env>;

export function readPaymentsEnv(source: Record<string, string | undefined> = process.env): PaymentsEnv {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid payment settings:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
