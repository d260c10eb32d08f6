import { createServer, type Server, type Socket } from "node:net";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotificationProviders, PermanentSendError, smtpProvider } from "./providers.ts";

/** What the tiny server below received in one mail transaction. */
interface Received {
  from: string;
  to: string[];
  data: string;
}

/**
 * A minimal SMTP server (RFC 5321 subset: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT),
 * enough for nodemailer, on 127.0.0.1 and a random port. Recipients at refuse.example get
 * 550 (permanent), at busy.example 451 (try later).
 */
function startSmtpServer(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = "";
    let inData = false;
    let current: Received = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 test.local ESMTP ready");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          current.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          reply(`250 2.0.0 Ok: queued as MSG${received.length}`);
          current = { from: "", to: [], data: "" };
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") {
          reply("250-test.local");
          reply("250-8BITMIME");
          reply("250 SMTPUTF8");
        } else if (verb === "HELO") reply("250 test.local");
        else if (verb === "MAIL") {
          current.from = /<(.*)>/.exec(line)?.[1] ?? "";
          reply("250 2.1.0 Ok");
        } else if (verb === "RCPT") {
          const to = /<(.*)>/.exec(line)?.[1] ?? "";
          if (to.endsWith("@refuse.example")) reply("550 5.1.1 <" + to + ">: Recipient address rejected: User unknown");
          else if (to.endsWith("@busy.example")) reply("451 4.3.0 Try again later");
          else {
            current.to.push(to);
            reply("250 2.1.5 Ok");
          }
        } else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "RSET") {
          current = { from: "", to: [], data: "" };
          reply("250 2.0.0 Ok");
        } else if (verb === "NOOP") reply("250 2.0.0 Ok");
        else if (verb === "QUIT") {
          reply("221 2.0.0 Bye");
          socket.end();
        } else reply("502 5.5.2 Error: command not recognized");
      }
    });
    socket.on("error", () => undefined);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port, received })));
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await new Promise((r) => smtp.server.close(r));
});

const message = (recipient: string, html: string | null) => ({
  id: "0190f5c2-0000-7000-8000-000000000001",
  channel: "EMAIL" as const,
  recipient,
  subject: "Order W-1001 is ready for pickup at Warszawa Centrum",
  body: "Hello Zoë,\nYour pickup code: K7Q2",
  html,
});

describe("smtpProvider", () => {
  it("delivers subject, text and HTML to the SMTP server, with the QR data: URL turned into an inline attachment", async () => {
    const qr = await QRCode.toDataURL("PICKUP:W-1001:K7Q2");
    const provider = smtpProvider({ url: `smtp://127.0.0.1:${smtp.port}`, from: "Northwind <shop@northwind.example>", timeoutMs: 5_000 });
    const result = await provider.send(message("zoe@example.com", `<p>Code <strong>K7Q2</strong></p><img src="${qr}" alt="QR">`));
    expect(result.providerMessageId).toMatch(/^<.+@.+>$/);
    const mail = smtp.received.at(-1)!;
    expect(mail.from).toBe("shop@northwind.example");
    expect(mail.to).toEqual(["zoe@example.com"]);
    expect(mail.data).toContain("Subject: Order W-1001 is ready for pickup at Warszawa Centrum");
    expect(mail.data).toMatch(/^X-Oms-Notification-Id: 0190f5c2-0000-7000-8000-000000000001$/im);
    expect(mail.data).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail.data).toMatch(/Content-Type: image\/png/);
    expect(mail.data).toMatch(/Content-ID: <[^>]+>/);
    expect(mail.data).toMatch(/src=3D"cid:|src="cid:/);
    expect(mail.data).not.toContain("data:image/png");
    expect(mail.data).toContain(result.providerMessageId);
  });

  it("a refused recipient (5xx) is permanent; a temporary refusal (4xx) or no server is retried", async () => {
    const provider = smtpProvider({ url: `smtp://127.0.0.1:${smtp.port}`, from: "shop@northwind.example", timeoutMs: 5_000 });
    const refused = await provider.send(message("nobody@refuse.example", null)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PermanentSendError);
    expect((refused as Error).message).toMatch(/User unknown/);
    const busy = await provider.send(message("someone@busy.example", null)).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(Error);
    expect(busy).not.toBeInstanceOf(PermanentSendError);

    const closed = await startSmtpServer();
    const port = closed.port;
    await new Promise((r) => closed.server.close(r));
    const down = await smtpProvider({ url: `smtp://127.0.0.1:${port}`, from: "shop@northwind.example", timeoutMs: 2_000 })
      .send(message("zoe@example.com", null))
      .catch((e: unknown) => e);
    expect(down).toBeInstanceOf(Error);
    expect(down).not.toBeInstanceOf(PermanentSendError);
  });

  it("is chosen when SMTP_URL is set; otherwise messages stay in the log", () => {
    expect(createNotificationProviders({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: "a@b.example", NOTIFICATION_BATCH_SIZE: 5, NOTIFICATION_MAX_ATTEMPTS: 3 }).email.name).toBe("smtp");
    const demo = createNotificationProviders({ MAIL_FROM: "a@b.example", NOTIFICATION_BATCH_SIZE: 5, NOTIFICATION_MAX_ATTEMPTS: 3 });
    expect([demo.email.name, demo.sms.name]).toEqual(["log", "log"]);
  });
});
