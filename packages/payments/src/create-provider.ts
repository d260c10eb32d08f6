import { readPaymentsEnv, type PaymentsEnv } from "./env.ts";
import type { PaymentProvider } from "./provider.ts";
import { SimulatedProvider } from "./providers/simulated-provider.ts";
import { StripeProvider } from "./providers/stripe-provider.ts";

/** Stripe when STRIPE_SECRET_KEY is set, otherwise the simulated provider. */
export function createPaymentProvider(env: PaymentsEnv = readPaymentsEnv()): PaymentProvider {
  if (env.STRIPE_SECRET_KEY) {
    return new StripeProvider({
      secretKey: env.STRIPE_SECRET_KEY,
      host: env.STRIPE_API_HOST,
      port: env.STRIPE_API_PORT,
      protocol: env.STRIPE_API_PROTOCOL,
      maxNetworkRetries: env.STRIPE_MAX_NETWORK_RETRIES,
      terminalLocations: env.STRIPE_TERMINAL_LOCATIONS,
    });
  }
  return new SimulatedProvider({ readerDelayMs: env.SIMULATED_READER_DELAY_MS });
}

const globalKey = Symbol.for("oms.payments.provider");
type GlobalWithProvider = typeof globalThis & { [globalKey]?: PaymentProvider };

/** The process-wide provider (on globalThis: Next bundles route handlers apart from server.ts). */
export function paymentProvider(): PaymentProvider {
  const g = globalThis as GlobalWithProvider;
  g[globalKey] ??= createPaymentProvider();
  return g[globalKey];
}

/** Replaces the process-wide provider (tests, scripts); undefined goes back to the env's choice. */
export function setPaymentProvider(provider: PaymentProvider | undefined): void {
  (globalThis as GlobalWithProvider)[globalKey] = provider;
}
