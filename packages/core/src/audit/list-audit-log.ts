import { AuditEntryIdInput, AuditLogInput, AppError, type ActorKind } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

export interface AuditEntry {
  /** BigInt in the database; a string here so it survives JSON. */
  id: string;
  createdAt: Date;
  actorKind: ActorKind;
  actorId: string | null;
  /** The person's or key's name now (null for the system, or when it is gone). */
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** What the entity is called now: a location's code and name, a person's name, a key's name. */
  entityLabel: string | null;
  /** Field names the row changed (the keys of `data.after`), for the list's summary. */
  changed: string[];
  /** The row records a new record (`data.before` is null): its fields are first values, not changes. */
  created: boolean;
  data: unknown;
  ip: string | null;
}

export interface AuditPage {
  rows: AuditEntry[];
  total: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A date alone means its whole day in UTC; a date and time is taken as it is. */
function bound(value: string | undefined, end: boolean): Date | undefined {
  if (!value) return undefined;
  if (value.length === 10) return new Date(`${value}T${end ? "23:59:59.999" : "00:00:00.000"}Z`);
  return new Date(value);
}

type Query = ReturnType<typeof parseAuditQuery>;
export const parseAuditQuery = (raw: unknown) => parseInput(AuditLogInput, raw ?? {});

/**
 * The filters as a WHERE clause. A whole id is an equality (served by the
 * (entityType, entityId) index when the type is chosen too); part of one is a substring scan.
 * A person's name is turned into their ids first (at most 200 matches).
 */
export async function auditWhere(db: Tx, q: Query): Promise<Prisma.AuditLogWhereInput> {
  const from = bound(q.from, false);
  const to = bound(q.to, true);
  const where: Prisma.AuditLogWhereInput = {
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.actorKind ? { actorKind: q.actorKind } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.entityId ? { entityId: UUID.test(q.entityId) || /^\d+$/.test(q.entityId) ? q.entityId.toLowerCase() : { contains: q.entityId, mode: "insensitive" } } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
  if (q.actor) {
    const [users, keys] = await Promise.all([
      db.user.findMany({ where: { OR: [{ name: { contains: q.actor, mode: "insensitive" } }, { email: { contains: q.actor, mode: "insensitive" } }] }, select: { id: true }, take: 200 }),
      db.apiKey.findMany({ where: { name: { contains: q.actor, mode: "insensitive" } }, select: { id: true }, take: 200 }),
    ]);
    where.AND = [{ actorId: { in: [...users, ...keys].map((r) => r.id) } }];
  }
  return where;
}

type Raw = { id: bigint; createdAt: Date; actorKind: ActorKind; actorId: string | null; action: string; entityType: string; entityId: string | null; data: Prisma.JsonValue; ip: string | null };

/** Names of the actors and entities on a page of rows: one query per kind, not per row. */
export async function withNames(db: Tx, rows: Raw[]): Promise<AuditEntry[]> {
  const ids = (pick: (r: Raw) => string | null | false) => [...new Set(rows.map(pick).filter((v): v is string => typeof v === "string" && UUID.test(v)))];
  const userIds = ids((r) => (r.actorKind === "USER" ? r.actorId : null)).concat(ids((r) => r.entityType === "User" && r.entityId));
  const keyIds = ids((r) => (r.actorKind === "API_KEY" ? r.actorId : null)).concat(ids((r) => r.entityType === "ApiKey" && r.entityId));
  const locationIds = ids((r) => r.entityType === "Location" && r.entityId);
  const hookIds = ids((r) => r.entityType === "WebhookSubscription" && r.entityId);
  const [users, keys, locations, hooks] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    keyIds.length ? db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true } }) : [],
    locationIds.length ? db.location.findMany({ where: { id: { in: locationIds } }, select: { id: true, code: true, name: true } }) : [],
    hookIds.length ? db.webhookSubscription.findMany({ where: { id: { in: hookIds } }, select: { id: true, url: true } }) : [],
  ]);
  const names = new Map<string, string>([
    ...users.map((u) => [u.id, u.name] as const),
    ...keys.map((k) => [k.id, k.name] as const),
    ...locations.map((l) => [l.id, `${l.code} · ${l.name}`] as const),
    ...hooks.map((h) => [h.id, h.url] as const),
  ]);
  return rows.map((r) => {
    const { before, after } = (r.data ?? {}) as { before?: unknown; after?: unknown };
    return {
      id: r.id.toString(),
      createdAt: r.createdAt,
      actorKind: r.actorKind,
      actorId: r.actorId,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      entityLabel: r.entityId ? (names.get(r.entityId) ?? null) : null,
      changed: after && typeof after === "object" && !Array.isArray(after) ? Object.keys(after) : [],
      created: before === null && Boolean(after),
      data: r.data,
      ip: r.ip,
    };
  });
}

export const auditOrder: Prisma.AuditLogOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/** The audit log (ADMIN): newest first, filtered and paged in the database. */
export async function listAuditLog(rawInput: unknown, ctx: DomainContext): Promise<AuditPage> {
  assertRole(ctx.actor, ["ADMIN"]);
  const q = parseAuditQuery(rawInput);
  const where = await auditWhere(ctx.db, q);
  const [rows, total] = await Promise.all([ctx.db.auditLog.findMany({ where, orderBy: auditOrder, skip: q.page * q.pageSize, take: q.pageSize }), ctx.db.auditLog.count({ where })]);
  return { rows: await withNames(ctx.db, rows), total };
}

/** One entry with its whole data, for the drawer. */
export async function getAuditEntry(rawInput: unknown, ctx: DomainContext): Promise<AuditEntry> {
  assertRole(ctx.actor, ["ADMIN"]);
  const { auditId } = parseInput(AuditEntryIdInput, rawInput);
  const row = await ctx.db.auditLog.findUnique({ where: { id: BigInt(auditId) } });
  if (!row) throw new AppError("NOT_FOUND", "That audit entry was not found.", { auditId });
  const [entry] = await withNames(ctx.db, [row]);
  return entry!;
}

/** The entity types and actions that occur, for the filters (one grouped scan of the log). */
export async function listAuditFacets(_input: unknown, ctx: DomainContext): Promise<{ entityTypes: string[]; actions: { action: string; entityType: string }[] }> {
  assertRole(ctx.actor, ["ADMIN"]);
  const groups = await ctx.db.auditLog.groupBy({ by: ["entityType", "action"], orderBy: [{ entityType: "asc" }, { action: "asc" }] });
  return { entityTypes: [...new Set(groups.map((g) => g.entityType))], actions: groups.map((g) => ({ action: g.action, entityType: g.entityType })) };
}
