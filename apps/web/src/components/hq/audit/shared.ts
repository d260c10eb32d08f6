// What the audit table, its drawer and the export link share: the row type, the filters as
// a query string (the same one /hq/audit/export reads), and how a stored value reads.
import type { AppRouter } from "@oms/api";
import { WEEKDAYS, type AuditLogInput } from "@oms/contracts";
import type { inferRouterOutputs } from "@trpc/server";

export type AuditRow = inferRouterOutputs<AppRouter>["audit"]["list"]["rows"][number];
export type AuditFilters = Omit<AuditLogInput, "page" | "pageSize">;

const FILTER_KEYS = ["entityType", "action", "actorKind", "actor", "actorId", "entityId", "from", "to"] as const;

/** The filters as `?entityType=…&from=…`, for the export link and the address bar. */
export function filtersToSearch(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, String(value));
  }
  return params.toString();
}

export function filtersFromSearch(params: URLSearchParams): AuditFilters {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters as AuditFilters;
}

/** A date picked in the browser ("2026-12-01") as the start or end of that day in the reader's zone. */
export function dayBound(day: string, end: boolean): string {
  return new Date(`${day}T${end ? "23:59:59.999" : "00:00:00.000"}`).toISOString();
}

type Labels = { yes: string; no: string; none: string; closed: string; day: (day: (typeof WEEKDAYS)[number]) => string };

function isHours(value: unknown): value is Record<string, { open: string; close: string }[]> {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value) && WEEKDAYS.some((d) => d in (value as object));
}

/**
 * One stored value as a person reads it: booleans as yes/no, lists joined, opening hours
 * one line per day ("Mon 09:00–13:00, 14:00–20:00"), other objects as indented JSON.
 */
export function readableValue(value: unknown, labels: Labels): string {
  if (value === null || value === undefined || value === "") return labels.none;
  if (typeof value === "boolean") return value ? labels.yes : labels.no;
  if (Array.isArray(value)) return value.length === 0 ? labels.none : value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ");
  if (isHours(value)) {
    return WEEKDAYS.map((day) => {
      const ranges = value[day] ?? [];
      return `${labels.day(day)} ${ranges.length === 0 ? labels.closed : ranges.map((r) => `${r.open}–${r.close}`).join(", ")}`;
    }).join("\n");
  }
  if (typeof value === "object") return JSON.stringify(value, null, 2);
  return String(value);
}

/** The rows of the before/after table: every field either side names, in the order written. */
export function changeRows(data: unknown): { field: string; before: unknown; after: unknown }[] {
  const d = (data ?? {}) as { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
  if (!d.after && !d.before) return [];
  const fields = [...new Set([...Object.keys(d.after ?? {}), ...Object.keys(d.before ?? {})])];
  return fields.map((field) => ({ field, before: d.before ? d.before[field] : null, after: d.after ? d.after[field] : null }));
}

/** Everything in `data` that is not before/after (e.g. `{ sessionVersion: 3 }`). */
export function otherData(data: unknown): Record<string, unknown> {
  const { before: _b, after: _a, ...rest } = (data ?? {}) as Record<string, unknown>;
  return rest;
}
