import { z } from "zod";

const Env = z.object({
  /**
   * SMTP server for customer e-mail, e.g. smtp://user:pass@smtp.example.com:587 or
   * smtps://…:465. Unset: the "log" provider (messages are only kept in the HQ mail log).
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "Use smtp://user:password@host:port or smtps://…" }).optional(),
  /** Sender of customer e-mail, e.g. "Northwind Outdoor <shop@example.com>". */
  MAIL_FROM: z.string().trim().min(3).default("Shop <no-reply@localhost>"),
  /** Sends per dispatch run and how many times a message is tried before it is FAILED. */
  NOTIFICATION_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(50),
  NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
});

export type NotificationsEnv = z.infer<typeof Env>;

export function readNotificationsEnv(source: Record<string, string | undefined> = process.env): NotificationsEnv {
  // An empty variable in a compose file means "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid notification settings:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
