import { z } from "zod";

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { error: "Use true or false" }))
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const Env = z.object({
  /** false: the server runs no periodic jobs (tests that drive the jobs themselves). Default true. */
  JOBS_ENABLED: flag.default(true),
  /** Comma-separated job names not to run, e.g. "sweepUnclaimedPickups,sweepLateOrders". */
  JOBS_DISABLED: z
    .string()
    .default("")
    .transform((text) => new Set(text.split(",").map((s) => s.trim()).filter(Boolean))),
  /** How often customer messages are sent (default 5 s). */
  JOBS_NOTIFICATIONS_INTERVAL_MS: z.coerce.number().int().min(250).max(3_600_000).default(5_000),
  /** How often card refunds, voids and captures run (default 60 s). */
  JOBS_PAYMENTS_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** How often the pickup and SLA sweeps run (default 5 min; both are idempotent). */
  JOBS_SWEEPS_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  /** How often the stored sales velocity is recomputed for the whole network (default 1 h; docs/forecasting.md). */
  JOBS_FORECAST_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(3_600_000),
});

export type JobsEnv = z.infer<typeof Env>;

export function readJobsEnv(source: Record<string, string | undefined> = process.env): JobsEnv {
  // An empty variable in a compose file means "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid job settings:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
