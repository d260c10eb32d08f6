import { denominationsFor, ListStoreRegistersInput, smallestNote, type CashCurrency } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { assertCanAccessAnyLocation } from "../access-entities.ts";
import { parseInput } from "../shared/parse-input.ts";
import { seesExpectedCash } from "./access.ts";
import type { ReportPerson } from "./cash-report.ts";

export interface StoreRegisterOpenSession {
  id: string;
  openedAt: Date;
  openedBy: ReportPerson;
  openingFloat: number;
  /** Managers and HQ only (X figures); null for cashiers, who count blind at close. */
  expectedCash: number | null;
  /** Cash in / cash out so far, newest first (no sales: they would give the total away). */
  manualMovements: { id: string; kind: "CASH_IN" | "CASH_OUT"; amount: number; reason: string | null; by: ReportPerson; at: Date }[];
}

export interface StoreRegister {
  id: string;
  code: string;
  name: string;
  readerId: string | null;
  status: "OPEN" | "CLOSED";
  session: StoreRegisterOpenSession | null;
  /** The last closed session, for its Z report. */
  lastClosed: { id: string; closedAt: Date; closedBy: ReportPerson; variance: number | null } | null;
}

export interface StoreRegisters {
  location: { id: string; name: string; currency: string; locale: string; timeZone: string };
  /** The count screen's rows, largest first, and where coins start. */
  denominations: number[];
  smallestNote: number | null;
  /** Whether the figures above are shown to this person (managers, HQ). */
  seesExpectedCash: boolean;
  varianceNoteThreshold: number;
  registers: StoreRegister[];
}

/**
 * The registers of a store with their state: open or closed, opened by whom and when, cash
 * in/out so far, and (for managers) the expected cash. The /pos landing and the manager's
 * overview read this; live `register.changed` events make them refetch.
 */
export async function listStoreRegisters(rawInput: ListStoreRegistersInput, ctx: DomainContext): Promise<StoreRegisters> {
  const input = parseInput(ListStoreRegistersInput, rawInput);
  await assertCanAccessAnyLocation(ctx.actor, [input.locationId], ctx.db);
  const location = await ctx.db.location.findUniqueOrThrow({ where: { id: input.locationId }, select: { id: true, name: true, currency: true, locale: true, timeZone: true } });
  const registers = await ctx.db.register.findMany({ where: { locationId: location.id, active: true }, orderBy: { code: "asc" } });
  const ids = registers.map((r) => r.id);
  const open = await ctx.db.registerSession.findMany({
    where: { registerId: { in: ids }, status: "OPEN" },
    include: { movements: { where: { kind: { in: ["CASH_IN", "CASH_OUT"] } }, orderBy: { createdAt: "desc" } } },
  });
  const closed = await ctx.db.registerSession.findMany({
    where: { registerId: { in: ids }, status: "CLOSED" },
    orderBy: { closedAt: "desc" },
    distinct: ["registerId"],
    select: { id: true, registerId: true, closedAt: true, closedById: true, variance: true },
  });
  const sees = seesExpectedCash(ctx.actor);
  const expected = sees && open.length > 0
    ? new Map((await ctx.db.cashMovement.groupBy({ by: ["registerSessionId"], where: { registerSessionId: { in: open.map((s) => s.id) } }, _sum: { amount: true } })).map((g) => [g.registerSessionId, g._sum.amount ?? 0]))
    : new Map<string, number>();
  const peopleIds = new Set([...open.flatMap((s) => [s.openedById, ...s.movements.map((m) => m.actorId)]), ...closed.flatMap((s) => (s.closedById ? [s.closedById] : []))]);
  const people = new Map((await ctx.db.user.findMany({ where: { id: { in: [...peopleIds] } }, select: { id: true, name: true } })).map((u) => [u.id, u]));
  const person = (id: string): ReportPerson => people.get(id) ?? { id, name: "—" };
  const settings = await ctx.db.organizationSettings.findFirst({ select: { cashVarianceNoteThreshold: true } });

  return {
    location,
    denominations: [...(denominationsFor(location.currency) ?? [])],
    smallestNote: smallestNote[location.currency as CashCurrency] ?? null,
    seesExpectedCash: sees,
    varianceNoteThreshold: settings?.cashVarianceNoteThreshold ?? 500,
    registers: registers.map((r) => {
      const s = open.find((o) => o.registerId === r.id);
      const last = closed.find((c) => c.registerId === r.id);
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        readerId: r.readerId,
        status: s ? "OPEN" : "CLOSED",
        session: s
          ? {
              id: s.id,
              openedAt: s.openedAt,
              openedBy: person(s.openedById),
              openingFloat: s.openingFloat,
              expectedCash: sees ? (expected.get(s.id) ?? 0) : null,
              manualMovements: s.movements.map((m) => ({ id: m.id, kind: m.kind as "CASH_IN" | "CASH_OUT", amount: m.amount, reason: m.reason, by: person(m.actorId), at: m.createdAt })),
            }
          : null,
        lastClosed: last?.closedAt ? { id: last.id, closedAt: last.closedAt, closedBy: person(last.closedById ?? ""), variance: last.variance } : null,
      };
    }),
  };
}
