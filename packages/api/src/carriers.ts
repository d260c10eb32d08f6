// The carriers of this server (docs/shipping.md): built once from the environment. Tests
// may put their own registry in (a fake carrier that fails on purpose).
import { carrierRegistryFromEnv, type CarrierRegistry } from "@oms/shipping";

let registry: CarrierRegistry | null = null;

export function carriers(): CarrierRegistry {
  registry ??= carrierRegistryFromEnv();
  return registry;
}

export function setCarriersForTests(next: CarrierRegistry | null): void {
  registry = next;
}
