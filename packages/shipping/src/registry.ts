import { AppError } from "@oms/contracts";
import type { CarrierProvider } from "./carrier-provider.ts";
import { ShippoCarrier } from "./shippo-carrier.ts";
import { SimulatedCarrier } from "./simulated-carrier.ts";

/** The carriers this installation can buy labels from, by `CarrierProvider.code`. */
export interface CarrierRegistry {
  list(): readonly CarrierProvider[];
  get(code: string): CarrierProvider | null;
  /** The carrier, or NOT_FOUND naming the `carrier` field. */
  require(code: string): CarrierProvider;
}

export function createCarrierRegistry(carriers: readonly CarrierProvider[]): CarrierRegistry {
  const byCode = new Map(carriers.map((carrier) => [carrier.code, carrier]));
  return {
    list: () => carriers,
    get: (code) => byCode.get(code) ?? null,
    require(code) {
      const carrier = byCode.get(code);
      if (!carrier) {
        throw new AppError("NOT_FOUND", `No carrier "${code}" is set up.`, { fields: [{ path: ["carrier"], message: "Unknown carrier" }] });
      }
      return carrier;
    },
  };
}

/** Shared by the demo and tests; a real installation sets SIMULATED_CARRIER_SECRET or leaves the simulated carrier unused. */
const DEMO_SIMULATED_SECRET = "simulated-carrier-demo-secret";

/**
 * Carriers from the environment: the simulated carrier always (demo, tests, training), Shippo
 * when SHIPPO_API_TOKEN is set (SHIPPO_WEBHOOK_TOKEN guards its tracking endpoint,
 * SHIPPO_CARRIER_ACCOUNT is the account manifests are closed on, SHIPPO_BASE_URL points at a
 * fake server in tests).
 */
export function carrierRegistryFromEnv(env: Record<string, string | undefined> = process.env): CarrierRegistry {
  const carriers: CarrierProvider[] = [
    new SimulatedCarrier({ webhookSecret: env.SIMULATED_CARRIER_SECRET || DEMO_SIMULATED_SECRET }),
  ];
  if (env.SHIPPO_API_TOKEN) {
    if (!env.SHIPPO_WEBHOOK_TOKEN) {
      throw new AppError("VALIDATION_FAILED", "SHIPPO_WEBHOOK_TOKEN must be set with SHIPPO_API_TOKEN.", { fields: [{ path: ["SHIPPO_WEBHOOK_TOKEN"], message: "Required" }] });
    }
    carriers.push(
      new ShippoCarrier({
        apiToken: env.SHIPPO_API_TOKEN,
        webhookToken: env.SHIPPO_WEBHOOK_TOKEN,
        carrierAccount: env.SHIPPO_CARRIER_ACCOUNT ?? null,
        ...(env.SHIPPO_BASE_URL ? { baseUrl: env.SHIPPO_BASE_URL } : {}),
      }),
    );
  }
  return createCarrierRegistry(carriers);
}
