// The domain's public surface. Each module exports its verbs from its own index.ts.
export { withTransaction, type Actor, type DomainContext } from "./context.ts";
export { assertCanAccessLocation, assertRole, canAccessLocation, isStoreRole } from "./access.ts";
export * from "./staff/index.ts";
export * from "./locations/index.ts";
