import { AppError, compactCount, countIssues, countTotal, formatMoney, OpenRegisterSessionInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { actingPersonId, assertCanAccessRegister } from "./access.ts";
import { registerChanged } from "./events.ts";

export interface OpenedRegisterSession {
  registerSessionId: string;
  registerId: string;
  locationId: string;
  currency: string;
  openingFloat: number;
  openedAt: Date;
}

/** The one-open-session-per-register index (migration 20261123140926) refused a second open. */
function isOpenSessionConflict(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}` : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return (code === "P2002" || /23505|unique constraint/i.test(text)) && /RegisterSession_one_open_per_register|registerId/i.test(text);
}

/**
 * Start of day: the float is counted by denomination and the register's session opens
 * with it (an OPENING_FLOAT movement, so expected cash is always the sum of movements).
 * A register has at most one OPEN session: checked first for a clear message, and by the
 * partial unique index when two devices open the same register at the same moment.
 */
export async function openRegisterSession(rawInput: OpenRegisterSessionInput, ctx: DomainContext): Promise<OpenedRegisterSession> {
  const input = parseInput(OpenRegisterSessionInput, rawInput);
  const me = actingPersonId(ctx.actor, "open a register");
  try {
    return await withTransaction(ctx, async (tx) => {
      await assertCanAccessRegister(ctx.actor, input.registerId, tx);
      const register = await tx.register.findUniqueOrThrow({
        where: { id: input.registerId },
        select: { id: true, name: true, active: true, locationId: true, location: { select: { currency: true } } },
      });
      if (!register.active) throw new AppError("INVALID_TRANSITION", `${register.name} is no longer in use; choose another register.`, { registerId: register.id });
      const currency = register.location.currency;
      const issues = countIssues(currency, input.count);
      if (issues.length > 0) throw new AppError("VALIDATION_FAILED", `${issues[0]!.path.join(".")}: ${issues[0]!.message}`, { fields: issues });

      const open = await tx.registerSession.findFirst({ where: { registerId: register.id, status: "OPEN" }, select: { id: true, openedById: true, openedAt: true } });
      if (open) await refuseAlreadyOpen(tx, register.name, open);

      const count = compactCount(input.count);
      const openingFloat = countTotal(count);
      const session = await tx.registerSession.create({
        data: {
          registerId: register.id,
          locationId: register.locationId,
          currency,
          openedById: me,
          openedAt: ctx.now,
          openingCount: { denominations: count },
          openingFloat,
          movements: { create: { kind: "OPENING_FLOAT", amount: openingFloat, reason: `Float counted at opening: ${formatMoney(openingFloat, currency)}`, actorId: me, createdAt: ctx.now } },
        },
      });
      await enqueueEvents(tx, [registerChanged({ id: session.id, registerId: register.id, locationId: register.locationId, status: "OPEN" }, "register.opened")]);
      return { registerSessionId: session.id, registerId: register.id, locationId: register.locationId, currency, openingFloat, openedAt: session.openedAt };
    });
  } catch (error) {
    if (!isOpenSessionConflict(error)) throw error;
    // Lost the race: the other device's session is committed now; say whose it is.
    const open = await ctx.db.registerSession.findFirst({ where: { registerId: input.registerId, status: "OPEN" }, select: { id: true, openedById: true, openedAt: true } });
    const register = await ctx.db.register.findUnique({ where: { id: input.registerId }, select: { name: true } });
    if (open) await refuseAlreadyOpen(ctx.db, register?.name ?? "This register", open);
    throw new AppError("CONFLICT", `${register?.name ?? "This register"} was opened on another device at the same moment. Reload to continue its session.`, { registerId: input.registerId });
  }
}

async function refuseAlreadyOpen(db: DomainContext["db"], registerName: string, open: { id: string; openedById: string; openedAt: Date }): Promise<never> {
  const who = await db.user.findUnique({ where: { id: open.openedById }, select: { name: true } });
  throw new AppError("CONFLICT", `${registerName} is already open (opened by ${who?.name ?? "someone"}). Continue that session or close it first.`, {
    registerSessionId: open.id,
    openedById: open.openedById,
    openedAt: open.openedAt.toISOString(),
  });
}
