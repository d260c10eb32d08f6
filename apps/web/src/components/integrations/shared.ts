// Small pieces the integrations screen shares: scope/label keys and tRPC error reading.
import type { ApiScope } from "@oms/contracts";

/** Catalogue keys of the scopes (a scope's own name has a colon, not a good message key). */
export const scopeKey = {
  "catalog:read": "catalogRead",
  "inventory:read": "inventoryRead",
  "orders:read": "ordersRead",
  "orders:write": "ordersWrite",
} as const satisfies Record<ApiScope, string>;

/** Channels a key can belong to: every channel but the till (POS). */
export const keyChannels = ["WEB", "MARKETPLACE", "SOCIAL", "PHONE"] as const;
export type KeyChannel = (typeof keyChannels)[number];

interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/**
 * The server's message (already written for the reader) and its per-field issues: `fields`
 * by top-level field, `paths` by the whole path joined with dots ("openingHours.mon.0.close").
 */
export function readServerError(error: unknown): { message: string | null; fields: Record<string, string>; paths: Record<string, string> } {
  const data = (error as { data?: { fields?: FieldIssue[] } } | null)?.data;
  const fields: Record<string, string> = {};
  const paths: Record<string, string> = {};
  for (const issue of data?.fields ?? []) {
    const field = String(issue.path[0] ?? "");
    if (field && !fields[field]) fields[field] = issue.message;
    const path = issue.path.join(".");
    if (path && !paths[path]) paths[path] = issue.message;
  }
  const message = error instanceof Error && error.message ? error.message : null;
  return { message, fields, paths };
}

/** The reader's own time zone when the page has no location to take one from. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
