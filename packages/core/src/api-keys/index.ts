export { hashApiKeySecret, generateApiKeyToken } from "./hash-api-key.ts";
export { createApiKey } from "./create-api-key.ts";
export { listApiKeys } from "./list-api-keys.ts";
export { revokeApiKey } from "./revoke-api-key.ts";
export { authenticateApiKey, assertApiScope, type AuthenticatedApiKey } from "./authenticate-api-key.ts";
export type { ApiKeySummary } from "./api-key-rows.ts";
