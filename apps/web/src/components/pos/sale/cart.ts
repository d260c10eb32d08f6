// The sale in progress on the till, as the cashier builds it: a pure reducer (unit-tested)
// over what pos.quote prices. Prices, tax and totals are the server's; this only holds what
// the cashier chose (items, quantities, discounts, overrides, customer, approvals).
import { parseMoney, type PosCart, type PosCartInput, type PosCustomerSummary, type PosDiscount, type PosLineFulfillment } from "@oms/contracts";

export interface SaleLine {
  /** Stable React key: lines of one variant can differ (a discount, another fulfilment). */
  key: string;
  variantId: string;
  /** Shown until the quote answers (a just-scanned item); the quote's name wins after. */
  sku: string;
  name: string;
  quantity: number;
  lineDiscount?: PosDiscount;
  priceOverride?: number;
  fulfillment?: PosLineFulfillment;
}

export interface SaleApproval {
  approvalToken: string;
  kind: "LINE_DISCOUNT" | "ORDER_DISCOUNT" | "PRICE_OVERRIDE";
  variantId: string | null;
  managerName: string;
}

export interface SaleState {
  lines: SaleLine[];
  /** Index of the selected line (+, -, Delete, discount and override act on it); -1: none. */
  selected: number;
  orderDiscount?: PosDiscount;
  customer: PosCustomerSummary | null;
  approvals: SaleApproval[];
  /** The parked sale this one was resumed from (its label is offered again when parking). */
  resumedLabel: string | null;
  /** Bumped on every change the server must price again. */
  revision: number;
}

export const emptySale: SaleState = { lines: [], selected: -1, customer: null, approvals: [], resumedLabel: null, revision: 0 };

export const MAX_QUANTITY = 10_000;

export type SaleAction =
  | { type: "add"; item: { variantId: string; sku: string; name: string }; quantity?: number; key: string }
  | { type: "select"; index: number }
  | { type: "selectBy"; delta: 1 | -1 }
  | { type: "setQuantity"; index: number; quantity: number }
  | { type: "changeQuantity"; index: number; delta: number }
  | { type: "voidLine"; index: number }
  | { type: "setLineDiscount"; index: number; discount: PosDiscount | undefined }
  | { type: "setOrderDiscount"; discount: PosDiscount | undefined }
  | { type: "setPriceOverride"; index: number; unitPrice: number | undefined }
  | { type: "setFulfillment"; index: number; fulfillment: PosLineFulfillment | undefined }
  | { type: "setCustomer"; customer: PosCustomerSummary | null }
  | { type: "approve"; approval: SaleApproval }
  | { type: "resume"; label: string; cart: PosCart; names: Map<string, { sku: string; name: string }>; keys: string[] }
  | { type: "clear" };

const changed = (state: SaleState, next: Partial<SaleState>): SaleState => ({ ...state, ...next, revision: state.revision + 1 });

const clamp = (n: number) => Math.max(1, Math.min(MAX_QUANTITY, Math.trunc(n)));

/** A plain line of the item (no discount, override or other fulfilment) that another unit can join. */
function joinable(line: SaleLine, variantId: string): boolean {
  return line.variantId === variantId && !line.lineDiscount && line.priceOverride === undefined && (!line.fulfillment || line.fulfillment.type === "CARRY_OUT");
}

function replaceLine(state: SaleState, index: number, patch: Partial<SaleLine>): SaleState {
  if (!state.lines[index]) return state;
  return changed(state, { lines: state.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)) });
}

export function saleReducer(state: SaleState, action: SaleAction): SaleState {
  switch (action.type) {
    case "add": {
      const quantity = clamp(action.quantity ?? 1);
      const at = state.lines.findIndex((l) => joinable(l, action.item.variantId));
      if (at >= 0) {
        const line = state.lines[at]!;
        return { ...replaceLine(state, at, { quantity: clamp(line.quantity + quantity) }), selected: at };
      }
      const line: SaleLine = { key: action.key, variantId: action.item.variantId, sku: action.item.sku, name: action.item.name, quantity };
      return changed(state, { lines: [...state.lines, line], selected: state.lines.length });
    }
    case "select":
      return action.index >= -1 && action.index < state.lines.length ? { ...state, selected: action.index } : state;
    case "selectBy": {
      if (state.lines.length === 0) return state;
      const from = state.selected < 0 ? (action.delta > 0 ? -1 : state.lines.length) : state.selected;
      return { ...state, selected: Math.max(0, Math.min(state.lines.length - 1, from + action.delta)) };
    }
    case "setQuantity":
      return replaceLine(state, action.index, { quantity: clamp(action.quantity) });
    case "changeQuantity": {
      const line = state.lines[action.index];
      if (!line) return state;
      // "-" on a single unit does not void the line: voiding is its own, visible command.
      return replaceLine(state, action.index, { quantity: clamp(line.quantity + action.delta) });
    }
    case "voidLine": {
      if (!state.lines[action.index]) return state;
      const lines = state.lines.filter((_, i) => i !== action.index);
      // The selection stays on the same line, or moves to the next one when it was voided.
      const selected = action.index < state.selected ? state.selected - 1 : action.index === state.selected ? Math.min(action.index, lines.length - 1) : state.selected;
      return changed(state, { lines, selected: lines.length === 0 ? -1 : selected });
    }
    case "setLineDiscount":
      return replaceLine(state, action.index, { lineDiscount: action.discount });
    case "setOrderDiscount":
      return changed(state, { orderDiscount: action.discount });
    case "setPriceOverride":
      return replaceLine(state, action.index, { priceOverride: action.unitPrice });
    case "setFulfillment":
      return replaceLine(state, action.index, { fulfillment: action.fulfillment && action.fulfillment.type !== "CARRY_OUT" ? action.fulfillment : undefined });
    case "setCustomer":
      return changed(state, { customer: action.customer });
    case "approve":
      return changed(state, { approvals: [...state.approvals.filter((a) => !(a.kind === action.approval.kind && a.variantId === action.approval.variantId)), action.approval] });
    case "resume": {
      const lines = action.cart.lines.map<SaleLine>((l, i) => ({
        key: action.keys[i] ?? `${l.variantId}-${i}`,
        variantId: l.variantId,
        sku: action.names.get(l.variantId)?.sku ?? "",
        name: action.names.get(l.variantId)?.name ?? "",
        quantity: l.quantity,
        lineDiscount: l.lineDiscount,
        priceOverride: l.priceOverride,
        fulfillment: l.fulfillment,
      }));
      // Approvals are not parked: a resumed discount above the limit asks the manager again.
      return { ...emptySale, lines, selected: lines.length - 1, orderDiscount: action.cart.orderDiscount, resumedLabel: action.label, revision: state.revision + 1 };
    }
    case "clear":
      return { ...emptySale, revision: state.revision + 1 };
  }
}

/** What pos.quote, pos.checkout.start and pos.parkSale take. */
export function toCart(state: SaleState): PosCartInput {
  return {
    lines: state.lines.map((l) => ({
      variantId: l.variantId,
      quantity: l.quantity,
      ...(l.lineDiscount ? { lineDiscount: l.lineDiscount } : {}),
      ...(l.priceOverride !== undefined ? { priceOverride: l.priceOverride } : {}),
      ...(l.fulfillment ? { fulfillment: l.fulfillment } : {}),
    })),
    ...(state.orderDiscount ? { orderDiscount: state.orderDiscount } : {}),
    ...(state.customer ? { customerId: state.customer.id } : {}),
    ...(state.approvals.length ? { approvals: state.approvals.map((a) => ({ approvalToken: a.approvalToken })) } : {}),
  };
}

/**
 * A discount typed by the cashier: "15" or "15 %" as PERCENT → 1500 bps (two decimals at
 * most); "5" or "5.00" as AMOUNT → minor units of `currency`. Null when it is not one.
 */
export function parseDiscount(text: string, kind: "PERCENT" | "AMOUNT", currency: string): PosDiscount | null {
  if (kind === "PERCENT") {
    // A percentage is parsed as an amount with two decimals: "12.5" → 1250 bps, no floats.
    const bps = parseMoney(text.replace("%", ""), "EUR");
    return bps !== undefined && bps >= 1 && bps <= 10_000 ? { kind: "PERCENT", bps } : null;
  }
  const amount = parseMoney(text, currency);
  return amount !== undefined && amount >= 1 ? { kind: "AMOUNT", amount } : null;
}

/**
 * Notes a customer is likely to hand over for `due` (minor units): the amount itself, then
 * the next multiples of the given notes above it, at most `count` choices, ascending.
 */
export function quickCashAmounts(due: number, notes: readonly number[], count = 4): number[] {
  if (due <= 0) return [0];
  const options = new Set<number>([due]);
  for (const note of [...notes].sort((a, b) => a - b)) {
    const next = Math.ceil(due / note) * note;
    if (next > due) options.add(next);
  }
  return [...options].sort((a, b) => a - b).slice(0, count);
}
