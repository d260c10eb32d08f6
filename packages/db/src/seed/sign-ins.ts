import { LOCATIONS } from "./reference-data.ts";

export const DEMO_PASSWORD = "demo-pass-1";
export const DEMO_PIN = "1234";
/** Bearer token of the demo web shop's API key (channel WEB). */
export const DEMO_WEB_API_KEY = "demo-web-key";
/** Public part of the demo API key (ApiKey.prefix). */
export const DEMO_WEB_API_KEY_PREFIX = "demo-web";

export type DemoRole = "ADMIN" | "MANAGER" | "CASHIER" | "ASSOCIATE";

export interface DemoSignIn {
  email: string;
  role: DemoRole;
  /** Home location code; null for the admin (whole network). */
  location: string | null;
  password: string;
  /** PIN for the store device's quick sign-in; null for the admin. */
  pin: string | null;
}

function staff(prefix: string, role: DemoRole, location: string): DemoSignIn {
  return { email: `${prefix}.${location.toLowerCase()}@demo.shop`, role, location, password: DEMO_PASSWORD, pin: DEMO_PIN };
}

/** Every account the seed creates, in the order the README and the start script print them. */
export const demoSignIns: readonly DemoSignIn[] = [
  { email: "admin@demo.shop", role: "ADMIN", location: null, password: DEMO_PASSWORD, pin: null },
  ...LOCATIONS.filter((l) => l.kind === "STORE").flatMap((l) => [
    staff("manager", "MANAGER", l.code),
    staff("cashier", "CASHIER", l.code),
    staff("cashier2", "CASHIER", l.code),
    staff("picker", "ASSOCIATE", l.code),
  ]),
  ...LOCATIONS.filter((l) => l.kind === "WAREHOUSE").flatMap((l) => [
    staff("manager", "MANAGER", l.code),
    staff("picker", "ASSOCIATE", l.code),
  ]),
];
