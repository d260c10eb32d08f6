export { runValidation } from "./run-validation.ts";
export { validationChecks, channelsTrustedWithPrices, channelsAllowingPayAtPickup } from "./checks.ts";
export { isWellFormedEmail, isWellFormedPhone } from "./contact.ts";
export type { ValidationCheck } from "./types.ts";
