import { carrierRegistryFromEnv, type CarrierRegistry } from "@oms/shipping";

const KEY = Symbol.for("oms.api.carrierRegistry");
type Holder = { [KEY]?: CarrierRegistry };

/** The process's carriers (from the environment once; on globalThis because Next bundles route handlers apart). */
export function processCarriers(): CarrierRegistry {
  const holder = globalThis as Holder;
  holder[KEY] ??= carrierRegistryFromEnv();
  return holder[KEY];
}
