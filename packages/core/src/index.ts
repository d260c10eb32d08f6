// The domain's public surface. Each module exports its verbs from its own index.ts and
// adds one line here; other modules and packages import from "@oms/core" only.
export { withTransaction, type Actor, type DomainContext } from "./context.ts";
export { enqueueEvents, type OutboxMessage } from "./shared/outbox.ts";
export { assertCanAccessLocation, assertRole, canAccessLocation, isStoreRole } from "./access.ts";
export * from "./staff/index.ts";
export * from "./locations/index.ts";
export * from "./inventory/index.ts";
export * from "./routing/index.ts";
export * from "./orders/index.ts";
export * from "./fulfillment/index.ts";
export * from "./returns/index.ts";
export * from "./customers/index.ts";
export * from "./api-keys/index.ts";
export * from "./webhooks/index.ts";
export * from "./access-entities.ts";
export * from "./inventory-queries/index.ts";
export * from "./task-queries/index.ts";
export * from "./routing-rules/index.ts";
export * from "./pickup/index.ts";
export * from "./pos/index.ts";
export * from "./registers/index.ts";
export * from "./notifications/index.ts";
export * from "./settings/index.ts";
export * from "./audit/index.ts";
export * from "./reports/index.ts";
export * from "./forecasting/index.ts";
