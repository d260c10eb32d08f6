// A local stand-in for api.stripe.com for tests: records every request (method, path,
// headers, form body) and answers with what the test's handler returns. The SDK is pointed
// at it with host/port/protocol "http".
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export interface FakeStripeRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** The raw form-encoded body. */
  raw: string;
  /** The body parsed: keys as Stripe writes them, e.g. "metadata[paymentId]". */
  form: Record<string, string>;
}

export type FakeStripeReply = { status: number; body: unknown } | "drop";
export type FakeStripeHandler = (request: FakeStripeRequest) => FakeStripeReply;

export interface FakeStripeServer {
  port: number;
  requests: FakeStripeRequest[];
  /** Replaces how the server answers. */
  handle(handler: FakeStripeHandler): void;
  close(): Promise<void>;
}

export function stripeErrorReply(status: number, error: Record<string, unknown>): FakeStripeReply {
  return { status, body: { error } };
}

export async function startFakeStripe(handler: FakeStripeHandler = () => ({ status: 404, body: { error: { type: "invalid_request_error", message: "Unknown path" } } })): Promise<FakeStripeServer> {
  let current = handler;
  const requests: FakeStripeRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const form = Object.fromEntries(new URLSearchParams(req.method === "GET" ? url.search : raw));
      const request: FakeStripeRequest = { method: req.method ?? "GET", path: url.pathname, headers: req.headers, raw, form };
      requests.push(request);
      const reply = current(request);
      if (reply === "drop") {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, { "content-type": "application/json", "request-id": `req_fake_${requests.length}` });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    handle(next) {
      current = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A PaymentIntent as Stripe returns it (the fields we read). */
export function fakeIntent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "pi_fake_1",
    object: "payment_intent",
    amount: 1000,
    amount_received: 0,
    currency: "eur",
    capture_method: "automatic",
    client_secret: "pi_fake_1_secret_x",
    status: "requires_payment_method",
    last_payment_error: null,
    metadata: {},
    ...overrides,
  };
}

/** A Terminal reader as Stripe returns it. */
export function fakeReader(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: "tmr_fake_1", object: "terminal.reader", label: "Till 1", status: "online", device_type: "bbpos_wisepos_e", action: null, metadata: {}, ...overrides };
}

/** A Stripe-Signature header for `payload`, as Stripe computes it (tests of webhook endpoints). */
export function signStripeTestPayload(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp !== undefined ? { timestamp } : {}) });
}
