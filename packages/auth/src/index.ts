import "./next-auth-types.ts";
export { authOptions, createAuthOptions, SESSION_MAX_AGE_SECONDS, SIGN_IN_UNAVAILABLE, type AuthOptionsDependencies } from "./options.ts";
export { getSessionUser, hasRole, requireRole, requireUser } from "./session.ts";
export { clientIpOf, limitSignIns, signInLimiter, signInRateLimitResponse, type SignInLimitOptions } from "./sign-in-limit.ts";
