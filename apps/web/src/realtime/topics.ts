// Which cached queries an event makes stale: the tRPC routers (first part of a query key
// of @trpc/tanstack-react-query, `[["inventory","levels"], {...}]`) that show its data.
import type { OutboxTopic } from "@oms/contracts";

export const staleRoutersByTopic: Record<OutboxTopic, readonly string[]> = {
  "inventory.changed": ["inventory", "transfers", "cycleCounts", "reports"],
  "order.changed": ["orders", "fulfillment", "reports", "customers"],
  "fulfillment.changed": ["fulfillment", "orders", "tasks", "reports"],
  "task.changed": ["tasks", "reports"],
  "register.changed": ["registers"],
  "pos.device.changed": ["pos"],
};

/** Routers to refresh after these topics; unknown topics refresh nothing (screens poll their own). */
export function staleRouters(topics: Iterable<string>): Set<string> {
  const routers = new Set<string>();
  for (const topic of topics) for (const r of staleRoutersByTopic[topic as OutboxTopic] ?? []) routers.add(r);
  return routers;
}

/** Whether a TanStack query key belongs to one of `routers`. */
export function isQueryOf(queryKey: readonly unknown[], routers: Set<string>): boolean {
  const path = queryKey[0];
  return Array.isArray(path) && typeof path[0] === "string" && routers.has(path[0]);
}
