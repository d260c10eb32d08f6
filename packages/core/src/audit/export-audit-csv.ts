import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { csvCell } from "../orders/index.ts";
import { auditOrder, auditWhere, parseAuditQuery, withNames, type AuditEntry } from "./list-audit-log.ts";

/** The most rows one CSV export holds; the file says when there were more. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;
const CHUNK = 500;

const header = ["Time (UTC)", "Actor kind", "Actor", "Actor id", "Action", "Entity type", "Entity", "Entity id", "Changed fields", "Before", "After", "Other data", "IP"];

function line(e: AuditEntry): string {
  const { before, after, ...other } = (e.data ?? {}) as { before?: unknown; after?: unknown };
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return [
    e.createdAt.toISOString(),
    e.actorKind,
    e.actorName,
    e.actorId,
    e.action,
    e.entityType,
    e.entityLabel,
    e.entityId,
    e.changed.join("; "),
    json(before),
    json(after),
    Object.keys(other).length ? JSON.stringify(other) : null,
    e.ip,
  ]
    .map(csvCell)
    .join(",");
}

/**
 * The rows the audit table's filters match, newest first, as CSV (RFC 4180, CRLF): read in
 * chunks of 500 so memory stays flat, cut at AUDIT_EXPORT_MAX_ROWS (`truncated` says so).
 */
export async function exportAuditCsv(rawInput: unknown, ctx: DomainContext, limits: { maxRows?: number } = {}): Promise<{ csv: string; rows: number; truncated: boolean }> {
  assertRole(ctx.actor, ["ADMIN"]);
  const { page: _page, pageSize: _size, ...q } = parseAuditQuery(rawInput);
  const where = await auditWhere(ctx.db, { ...q, page: 0, pageSize: CHUNK });
  const maxRows = limits.maxRows ?? AUDIT_EXPORT_MAX_ROWS;
  const lines = [header.map(csvCell).join(",")];
  let rows = 0;
  let truncated = false;
  for (let skip = 0; ; skip += CHUNK) {
    const take = Math.min(CHUNK, maxRows + 1 - skip);
    const chunk = await ctx.db.auditLog.findMany({ where, orderBy: auditOrder, skip, take });
    for (const entry of await withNames(ctx.db, chunk)) {
      if (rows === maxRows) {
        truncated = true;
        break;
      }
      lines.push(line(entry));
      rows += 1;
    }
    if (truncated || chunk.length < take) break;
  }
  return { csv: `${lines.join("\r\n")}\r\n`, rows, truncated };
}
