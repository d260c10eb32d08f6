// The demo retailer (npm run db:seed). See docs/demo-data.md.
export {
  seedDemoData,
  isDatabaseEmpty,
  hashApiKeySecret,
  startOfUtcDay,
  type SeedOptions,
  type SeedSummary,
} from "./seed-demo-data.ts";
export {
  DEMO_PASSWORD,
  DEMO_PIN,
  DEMO_WEB_API_KEY,
  DEMO_WEB_API_KEY_PREFIX,
  demoSignIns,
  type DemoSignIn,
  type DemoRole,
} from "./sign-ins.ts";
export { ORGANIZATION_NAME } from "./reference-data.ts";
export { ean13CheckDigit, isValidEan13, makeEan13 } from "./ean13.ts";
