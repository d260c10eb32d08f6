import { AppError, CloseRegisterSessionInput, compactCount, countIssues, countTotal, formatMoney } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { actingPersonId, assertCanAccessRegisterSession, seesExpectedCash } from "./access.ts";
import { buildCashReport, expectedCashOf, readCount, type CashReport } from "./cash-report.ts";
import { registerChanged } from "./events.ts";

/** Used when the organization has no settings row yet (tests, a fresh install). */
const DEFAULT_VARIANCE_NOTE_THRESHOLD = 500;

/** Payments still waiting for the customer (a card on the reader, a redirect). */
const unsettledPayments = ["PENDING", "REQUIRES_ACTION"] as const;
/** Orders of the session that are not paid yet. */
const unpaidOrders = ["PENDING", "PARTIALLY_PAID"] as const;

/**
 * End of day: the blind count by denomination closes the session. Expected cash is the sum
 * of the session's movements, read under a FOR UPDATE lock on the session (a sale or cash
 * refund in flight holds FOR SHARE / FOR UPDATE and finishes first; one arriving later finds
 * the session CLOSED). When |counted − expected| is above the organization's threshold a
 * note is required: VALIDATION_FAILED on `varianceNote` with the figures in the error's
 * details so the screen can show them; the blind count is kept on the still-OPEN session and
 * a cashier cannot change it afterwards (a manager may recount). Refused while a checkout of this session is
 * unpaid (listed by order number). Returns the Z report.
 */
export async function closeRegisterSession(rawInput: CloseRegisterSessionInput, ctx: DomainContext): Promise<CashReport> {
  const input = parseInput(CloseRegisterSessionInput, rawInput);
  const me = actingPersonId(ctx.actor, "close a register");
  await assertCanAccessRegisterSession(ctx.actor, input.registerSessionId, ctx.db);
  const outcome = await withTransaction(ctx, async (tx): Promise<{ report: CashReport } | { noteRequired: AppError }> => {
    await tx.$queryRaw`
      SELECT "id" FROM "RegisterSession" WHERE "id" = ${input.registerSessionId}::uuid FOR UPDATE`;
    const session = await tx.registerSession.findUniqueOrThrow({
      where: { id: input.registerSessionId },
      include: { register: { select: { name: true } } },
    });
    if (session.status !== "OPEN") {
      throw new AppError("INVALID_TRANSITION", `${session.register.name} is already closed; its Z report is below.`, { registerSessionId: session.id, code: "ALREADY_CLOSED" });
    }
    const issues = countIssues(session.currency, input.count);
    if (issues.length > 0) throw new AppError("VALIDATION_FAILED", `${issues[0]!.path.join(".")}: ${issues[0]!.message}`, { fields: issues });
    await refuseUnpaidCheckouts(tx, session.id, session.register.name);

    const m = (n: number) => formatMoney(n, session.currency);
    const count = compactCount(input.count);
    // The first blind count stands once the expected figure was shown: a cashier closes
    // with it (and a note); only a manager may recount.
    const firstCount = session.closingCount === null ? null : readCount(session.closingCount);
    if (firstCount && !sameCount(firstCount, count) && !seesExpectedCash(ctx.actor)) {
      const message = `The drawer was already counted (${m(countTotal(firstCount))}) and the difference shown. Close with that count and a note, or ask a manager to recount.`;
      throw new AppError("VALIDATION_FAILED", `count: ${message}`, { fields: [{ path: ["count"], message }], firstCount });
    }
    const countedCash = countTotal(count);
    const expectedCash = await expectedCashOf(tx, session.id);
    const variance = countedCash - expectedCash;
    const threshold = (await tx.organizationSettings.findFirst({ select: { cashVarianceNoteThreshold: true } }))?.cashVarianceNoteThreshold ?? DEFAULT_VARIANCE_NOTE_THRESHOLD;
    const note = input.varianceNote?.trim() || null;
    if (Math.abs(variance) > threshold && !note) {
      // Keep the blind count (the session stays OPEN) before answering with the figures.
      await tx.registerSession.update({ where: { id: session.id }, data: { closingCount: { denominations: count } } });
      const message = `The drawer is ${m(Math.abs(variance))} ${variance < 0 ? "short" : "over"} (counted ${m(countedCash)}, expected ${m(expectedCash)}). Above ${m(threshold)} a note is required: say what happened.`;
      return {
        noteRequired: new AppError("VALIDATION_FAILED", `varianceNote: ${message}`, {
          fields: [{ path: ["varianceNote"], message }],
          expectedCash,
          countedCash,
          variance,
          threshold,
          currency: session.currency,
        }),
      };
    }
    const closed = await tx.registerSession.updateMany({
      where: { id: session.id, status: "OPEN" },
      data: { status: "CLOSED", closedById: me, closedAt: ctx.now, closingCount: { denominations: count }, expectedCash, countedCash, variance, varianceNote: note },
    });
    if (closed.count !== 1) throw new AppError("CONFLICT", `${session.register.name} was closed by someone else just now.`, { registerSessionId: session.id });
    await enqueueEvents(tx, [registerChanged({ id: session.id, registerId: session.registerId, locationId: session.locationId, status: "CLOSED" }, "register.closed")]);
    return { report: await buildCashReport(tx, session.id, "Z", ctx.now) };
  });
  if ("noteRequired" in outcome) throw outcome.noteRequired;
  return outcome.report;
}

function sameCount(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

async function refuseUnpaidCheckouts(tx: Tx, registerSessionId: string, registerName: string): Promise<void> {
  const orders = await tx.order.findMany({
    where: {
      registerSessionId,
      status: { not: "CANCELLED" },
      OR: [{ paymentStatus: { in: [...unpaidOrders] } }, { payments: { some: { status: { in: [...unsettledPayments] } } } }],
    },
    select: { id: true, number: true, total: true, currency: true, payments: { where: { status: { in: ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"] } }, select: { amountCaptured: true } } },
    orderBy: { placedAt: "asc" },
  });
  if (orders.length === 0) return;
  const list = orders.map((o) => `${o.number} (${formatMoney(o.total - o.payments.reduce((s, p) => s + p.amountCaptured, 0), o.currency)} unpaid)`);
  throw new AppError("INVALID_TRANSITION", `${registerName} has ${orders.length === 1 ? "a checkout" : `${orders.length} checkouts`} not paid yet: ${list.join(", ")}. Take the payment or cancel ${orders.length === 1 ? "it" : "them"} before closing.`, {
    code: "UNPAID_CHECKOUTS",
    orders: orders.map((o) => ({ id: o.id, number: o.number })),
  });
}
