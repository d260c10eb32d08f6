export { authenticateWithPassword, WRONG_CREDENTIALS, ACCOUNT_DEACTIVATED } from "./authenticate-with-password.ts";
export { authenticateWithPin, WRONG_PIN, NOT_THIS_STORE } from "./authenticate-with-pin.ts";
export { listPinStaff } from "./list-pin-staff.ts";
export { deactivateUser } from "./deactivate-user.ts";
export { reactivateUser } from "./reactivate-user.ts";
export { getSessionUser } from "./get-session-user.ts";
export { hashSecret, verifySecret, HASH_COST } from "./password.ts";
export { UserIdInput, type UserStatus } from "./user-status.ts";
export type { SignInOptions } from "./sign-in-attempts.ts";
