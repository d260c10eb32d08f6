import nodemailer from "nodemailer";
import { readNotificationsEnv, type NotificationsEnv } from "./env.ts";

/** A queued row as a provider sees it. */
export interface OutgoingMessage {
  id: string;
  channel: "EMAIL" | "SMS";
  recipient: string;
  subject: string;
  /** Plain text (SMS: the whole message). */
  body: string;
  html: string | null;
}

/**
 * Delivers one message. Throw to have it retried with backoff; throw a
 * `PermanentSendError` when retrying cannot help (rejected address), so it fails at once.
 */
export interface NotificationProvider {
  /** Stored on the row ("log", "smtp", "twilio", …). */
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

export class PermanentSendError extends Error {
  override readonly name = "PermanentSendError";
}

/** One provider per channel; the dispatcher picks by the row's channel. */
export interface NotificationProviders {
  email: NotificationProvider;
  sms: NotificationProvider;
}

/**
 * The demo provider: nothing leaves the machine, the row is marked SENT and HQ reads it in
 * the mail log (Mail in the HQ menu). `sink` receives each message (tests, debugging).
 */
export function logProvider(sink?: (message: OutgoingMessage) => void): NotificationProvider {
  return {
    name: "log",
    async send(message) {
      sink?.(message);
      return { providerMessageId: `log-${message.id}` };
    },
  };
}

export interface SmtpProviderOptions {
  url: string;
  from: string;
  /** Milliseconds for connect, greeting and each SMTP command. */
  timeoutMs?: number;
}

/**
 * E-mail through any SMTP server (SMTP_URL). Inline `data:` images (the pickup QR code)
 * are turned into CID attachments, because Gmail and Outlook block data: URLs.
 */
export function smtpProvider(options: SmtpProviderOptions): NotificationProvider {
  const timeout = options.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({ url: options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  return {
    name: "smtp",
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.recipient,
          subject: message.subject,
          text: message.body,
          ...(message.html ? { html: message.html } : {}),
          attachDataUrls: true,
          headers: { "X-OMS-Notification-Id": message.id },
        });
        return { providerMessageId: String(info.messageId ?? "") };
      } catch (error) {
        // 5xx: the server refused for good (unknown mailbox, policy); 4xx and network errors are retried.
        const code = (error as { responseCode?: number }).responseCode;
        if (typeof code === "number" && code >= 500 && code < 600) throw new PermanentSendError((error as Error).message);
        throw error;
      }
    },
  };
}

/**
 * The providers the server uses: SMTP when SMTP_URL is set, otherwise the log. SMS always
 * goes to the log provider; a real SMS gateway (Twilio, Vonage, MessageBird) implements
 * NotificationProvider and is returned here as `sms` (docs/notifications.md).
 */
export function createNotificationProviders(env: NotificationsEnv = readNotificationsEnv()): NotificationProviders {
  return {
    email: env.SMTP_URL ? smtpProvider({ url: env.SMTP_URL, from: env.MAIL_FROM }) : logProvider(),
    sms: logProvider(),
  };
}
