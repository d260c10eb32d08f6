// The figures of an X report (so far, session open) and a Z report (at close): one builder,
// so both always add up the same way. Expected cash is the sum of the session's
// CashMovement rows (the opening float is one of them); tenders come from the Payment rows
// that carry the session and from refunds (docs/registers.md "Where the figures come from").
import { AppError, type DenominationCount } from "@oms/contracts";
import type { PaymentMethod, Tx } from "@oms/db";

export interface ReportPerson {
  id: string;
  name: string;
}

export interface CashReportMovement {
  id: string;
  kind: "OPENING_FLOAT" | "SALE" | "REFUND" | "CASH_IN" | "CASH_OUT";
  /** Signed: into the drawer positive. */
  amount: number;
  reason: string | null;
  by: ReportPerson;
  at: Date;
}

export interface TenderLine {
  method: PaymentMethod;
  /** Sales (captured payments) in this tender, count and amount. */
  salesCount: number;
  sales: number;
  /** Refunds paid out in this tender (a positive amount), count and amount. */
  refundsCount: number;
  refunds: number;
  net: number;
}

export interface CashReport {
  kind: "X" | "Z";
  registerSessionId: string;
  status: "OPEN" | "CLOSED";
  register: { id: string; code: string; name: string };
  location: { id: string; name: string; currency: string; locale: string; timeZone: string };
  currency: string;
  openedAt: Date;
  openedBy: ReportPerson;
  closedAt: Date | null;
  closedBy: ReportPerson | null;
  /** When these figures were taken (X: now; Z: the close). */
  asOf: Date;
  openingCount: DenominationCount;
  /** The drawer's movements by kind, signed (refunds and cash out negative). */
  cash: { openingFloat: number; sales: number; refunds: number; cashIn: number; cashOut: number; expected: number };
  /** Z only: the blind count and its difference from expected (counted − expected). */
  closingCount: DenominationCount | null;
  counted: number | null;
  variance: number | null;
  varianceNote: string | null;
  tenders: TenderLine[];
  /** Orders paid at this session (an order paid in two tenders counts once). */
  salesCount: number;
  refundsCount: number;
  /** Cash in and cash out, with reasons (sales and refunds are in the tender lines). */
  manualMovements: CashReportMovement[];
}

/** Payments that took money: sales in the tender table. */
const takenStates = ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
const tenderOrder: PaymentMethod[] = ["CASH", "CARD", "STORE_CREDIT", "BANK_TRANSFER", "OTHER"];

export function readCount(value: unknown): DenominationCount {
  const raw = value && typeof value === "object" && "denominations" in value ? (value as { denominations: unknown }).denominations : null;
  if (!raw || typeof raw !== "object") return {};
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === "number"));
}

/** Expected cash of a session right now: the sum of its movements. */
export async function expectedCashOf(db: Tx, registerSessionId: string): Promise<number> {
  const sum = await db.cashMovement.aggregate({ where: { registerSessionId }, _sum: { amount: true } });
  return sum._sum.amount ?? 0;
}

export async function buildCashReport(db: Tx, registerSessionId: string, kind: "X" | "Z", now: Date): Promise<CashReport> {
  const session = await db.registerSession.findUnique({
    where: { id: registerSessionId },
    include: {
      register: { select: { id: true, code: true, name: true } },
      location: { select: { id: true, name: true, currency: true, locale: true, timeZone: true } },
      movements: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!session) throw new AppError("NOT_FOUND", "That register session does not exist.", { registerSessionId });

  const cash = { openingFloat: 0, sales: 0, refunds: 0, cashIn: 0, cashOut: 0, expected: 0 };
  const field = { OPENING_FLOAT: "openingFloat", SALE: "sales", REFUND: "refunds", CASH_IN: "cashIn", CASH_OUT: "cashOut" } as const;
  for (const m of session.movements) {
    cash[field[m.kind]] += m.amount;
    cash.expected += m.amount;
  }

  const payments = await db.payment.findMany({
    where: { registerSessionId, status: { in: [...takenStates] } },
    select: { id: true, orderId: true, method: true, amountCaptured: true },
  });
  const cashRefundIds = session.movements.flatMap((m) => (m.kind === "REFUND" && m.refundId ? [m.refundId] : []));
  // Cash refunds are the drawer's (whichever session sold the goods); other refunds belong
  // to the session that took the payment they go back to.
  const refunds = await db.refund.findMany({
    where: {
      OR: [
        { id: { in: cashRefundIds } },
        { paymentId: { in: payments.map((p) => p.id) }, method: { not: "CASH" }, status: { not: "FAILED" } },
      ],
    },
    select: { id: true, method: true, amount: true, paymentId: true },
  });
  const methodOfPayment = new Map(payments.map((p) => [p.id, p.method]));

  const tenders = new Map<PaymentMethod, TenderLine>();
  const line = (method: PaymentMethod) => {
    let t = tenders.get(method);
    if (!t) tenders.set(method, (t = { method, salesCount: 0, sales: 0, refundsCount: 0, refunds: 0, net: 0 }));
    return t;
  };
  for (const p of payments) {
    const t = line(p.method);
    t.salesCount += 1;
    t.sales += p.amountCaptured;
  }
  const cashMovementByRefund = new Map(session.movements.filter((m) => m.refundId).map((m) => [m.refundId!, m.amount]));
  for (const r of refunds) {
    const method: PaymentMethod =
      r.method === "CASH" ? "CASH" : r.method === "STORE_CREDIT" ? "STORE_CREDIT" : (methodOfPayment.get(r.paymentId ?? "") ?? "CARD");
    const t = line(method);
    t.refundsCount += 1;
    // The drawer's own record is authoritative for cash that left it.
    t.refunds += r.method === "CASH" ? -(cashMovementByRefund.get(r.id) ?? -r.amount) : r.amount;
  }
  for (const t of tenders.values()) t.net = t.sales - t.refunds;
  // A closed session keeps the figure its variance was measured against.
  if (session.expectedCash !== null) cash.expected = session.expectedCash;

  const peopleIds = new Set([session.openedById, ...(session.closedById ? [session.closedById] : []), ...session.movements.map((m) => m.actorId)]);
  const people = new Map((await db.user.findMany({ where: { id: { in: [...peopleIds] } }, select: { id: true, name: true } })).map((u) => [u.id, u]));
  const person = (id: string): ReportPerson => people.get(id) ?? { id, name: "—" };

  return {
    kind,
    registerSessionId: session.id,
    status: session.status,
    register: session.register,
    location: session.location,
    currency: session.currency,
    openedAt: session.openedAt,
    openedBy: person(session.openedById),
    closedAt: session.closedAt,
    closedBy: session.closedById ? person(session.closedById) : null,
    asOf: session.closedAt ?? now,
    openingCount: readCount(session.openingCount),
    cash,
    // An OPEN session may hold a first blind count (note still missing): not part of an X report.
    closingCount: session.status !== "CLOSED" || session.closingCount === null ? null : readCount(session.closingCount),
    counted: session.countedCash,
    variance: session.variance,
    varianceNote: session.varianceNote,
    tenders: [...tenders.values()].sort((a, b) => tenderOrder.indexOf(a.method) - tenderOrder.indexOf(b.method)),
    salesCount: new Set(payments.map((p) => p.orderId)).size,
    refundsCount: refunds.length,
    manualMovements: session.movements
      .filter((m) => m.kind === "CASH_IN" || m.kind === "CASH_OUT")
      .map((m) => ({ id: m.id, kind: m.kind, amount: m.amount, reason: m.reason, by: person(m.actorId), at: m.createdAt })),
  };
}
