import type { Actor } from "@oms/core";
import type { PrismaClient } from "@oms/db";
import type { PaymentProvider } from "./provider.ts";

/**
 * Payment steps call the provider between short transactions, so they take the root client
 * (never an open transaction: nothing in a transaction waits on Stripe).
 */
export interface PaymentsContext {
  db: PrismaClient;
  provider: PaymentProvider;
  actor: Actor;
  now: Date;
}
