// The till's sale (docs/pos.md): product search and scan, the priced cart, manager
// approvals, parked sales, checkout with split tender, the receipt. Store scoped: a till
// works for its own store; HQ (ADMIN) may act for any. Card tenders and voids go through
// @oms/payments (the reader, refunds after commit). A store credit's balance: returns.storeCredit.
import {
  OfflineCatalogInput,
  OfflineCommandInput,
  OfflinePinVerifierInput,
  PosApproveInput,
  PosApproversInput,
  PosBarcodeInput,
  PosCardPaymentInput,
  PosCardTenderInput,
  PosCashTenderInput,
  PosCheckoutStartInput,
  PosDeviceHeartbeatInput,
  PosDeviceListInput,
  PosEmailReceiptInput,
  PosListParkedInput,
  PosOrderInput,
  PosParkedIdInput,
  PosParkInput,
  PosQuoteInput,
  PosSearchInput,
  PosStoreCreditTenderInput,
  PosVoidInput,
} from "@oms/contracts";
import {
  addPosCashTender,
  addPosStoreCreditTender,
  applyOfflineCommand,
  getOfflineCatalog,
  issueOfflinePinVerifier,
  listPosDevices,
  recordDeviceHeartbeat,
  approvePosAction,
  assertCanAccessPosSale,
  assertCanAccessParkedSale,
  assertCanAccessRegisterSession,
  emailPosReceipt,
  getPosCheckout,
  getPosReceipt,
  listParkedSales,
  listPosApprovers,
  lookupPosBarcode,
  parkPosSale,
  quotePosCart,
  resumeParkedSale,
  searchPosProducts,
  startPosCheckout,
} from "@oms/core";
import { cancelPosCardTender, paymentProvider, pollPosCardTender, startPosCardTender, voidPosSale, type PaymentsContext } from "@oms/payments";
import { domainContext } from "../context.ts";
import { router } from "../trpc.ts";
import { assertLocation, listScope, scopedProcedure, type AuthedContext } from "./guards.ts";

/** The people at the till; associates work the floor and the pickup tablet. */
const till = ["ADMIN", "MANAGER", "CASHIER"] as const;

const atStore = (ctx: AuthedContext, input: { locationId: string }) => assertLocation(ctx, input.locationId);
const atSaleStore = (ctx: AuthedContext, input: { orderId: string }) => assertCanAccessPosSale(ctx.actor, input.orderId, ctx.db);
const atSessionStore = (ctx: AuthedContext, input: { registerSessionId: string }) => assertCanAccessRegisterSession(ctx.actor, input.registerSessionId, ctx.db);
const atParkedStore = (ctx: AuthedContext, input: { parkedSaleId: string }) => assertCanAccessParkedSale(ctx.actor, input.parkedSaleId, ctx.db);

function paymentsContext(ctx: AuthedContext): PaymentsContext {
  return { db: ctx.db, provider: paymentProvider(), actor: ctx.actor, now: ctx.now() };
}

export const posRouter = router({
  /** Variants by name, SKU or exact barcode, priced for the store, with stock here and elsewhere. */
  searchProducts: scopedProcedure(PosSearchInput, till, atStore).query(({ ctx, input }) => searchPosProducts(input, domainContext(ctx))),
  /** One exact scan; NOT_FOUND when no variant has that barcode (or SKU). */
  lookupBarcode: scopedProcedure(PosBarcodeInput, till, atStore).query(({ ctx, input }) => lookupPosBarcode(input, domainContext(ctx))),
  /** Prices the cart: discounts, tax, cash rounding, the approvals it still needs. */
  quote: scopedProcedure(PosQuoteInput, till, atStore).query(({ ctx, input }) => quotePosCart(input, domainContext(ctx))),
  /** Managers of the store who can approve with their PIN (tiles for the dialog). */
  approvers: scopedProcedure(PosApproversInput, till, atStore).query(({ ctx, input }) => listPosApprovers(input, domainContext(ctx))),
  /** A manager's PIN approves a discount or price override: a short-lived token for the cart. */
  approve: scopedProcedure(PosApproveInput, till, atStore).mutation(({ ctx, input }) => approvePosAction(input, domainContext(ctx))),

  parkSale: scopedProcedure(PosParkInput, till, atStore).mutation(({ ctx, input }) => parkPosSale(input, domainContext(ctx))),
  listParked: scopedProcedure(PosListParkedInput, till, atStore).query(({ ctx, input }) => listParkedSales(input, domainContext(ctx))),
  /** Takes a parked sale back to a till; two tills cannot resume the same one. */
  resumeParked: scopedProcedure(PosParkedIdInput, till, atParkedStore).mutation(({ ctx, input }) => resumeParkedSale(input, domainContext(ctx))),

  checkout: router({
    /** Creates the POS order and holds the stock; the register session must be open. */
    start: scopedProcedure(PosCheckoutStartInput, till, atSessionStore).mutation(({ ctx, input }) => startPosCheckout(input, domainContext(ctx))),
    state: scopedProcedure(PosOrderInput, till, atSaleStore).query(({ ctx, input }) => getPosCheckout(input, domainContext(ctx))),
    addCashTender: scopedProcedure(PosCashTenderInput, till, atSaleStore).mutation(({ ctx, input }) => addPosCashTender(input, domainContext(ctx))),
    addStoreCreditTender: scopedProcedure(PosStoreCreditTenderInput, till, atSaleStore).mutation(({ ctx, input }) => addPosStoreCreditTender(input, domainContext(ctx))),
    /** Hands the amount to the register's card reader; poll cardTenderState. */
    startCardTender: scopedProcedure(PosCardTenderInput, till, atSaleStore).mutation(({ ctx, input }) => startPosCardTender(input, paymentsContext(ctx))),
    cardTenderState: scopedProcedure(PosCardPaymentInput, till, atSaleStore).query(({ ctx, input }) => pollPosCardTender(input, paymentsContext(ctx))),
    cancelCardTender: scopedProcedure(PosCardPaymentInput, till, atSaleStore).mutation(({ ctx, input }) => cancelPosCardTender(input, paymentsContext(ctx))),
    /** Abandons an unfinished sale: stock released, tenders given back. */
    void: scopedProcedure(PosVoidInput, till, atSaleStore).mutation(({ ctx, input }) => voidPosSale(input, paymentsContext(ctx))),
  }),

  /** The offline till (docs/pos.md#offline): its cache, its queue's commands, its device state. */
  offline: router({
    /** The store's catalogue, prices, taxes and rules for the device's cache. */
    catalog: scopedProcedure(OfflineCatalogInput, till, atStore).query(({ ctx, input }) => getOfflineCatalog(input, domainContext(ctx))),
    /** The signed-in cashier's PIN verifier for offline sign-in on this device (never the PIN). */
    pinVerifier: scopedProcedure(OfflinePinVerifierInput, till, async () => undefined).mutation(({ ctx, input }) => issueOfflinePinVerifier(input, domainContext(ctx))),
    /** One queued command, applied exactly once by its client id; a resubmission returns the first result. */
    submit: scopedProcedure(OfflineCommandInput, till, atStore).mutation(({ ctx, input }) => applyOfflineCommand(input, domainContext(ctx))),
    /** The device's heartbeat: its queue's state in, the offline rules out. */
    heartbeat: scopedProcedure(PosDeviceHeartbeatInput, till, atStore).mutation(({ ctx, input }) => recordDeviceHeartbeat(input, domainContext(ctx))),
    /** Each device's sync state: HQ every store, a manager their own. */
    devices: scopedProcedure(PosDeviceListInput, ["ADMIN", "MANAGER"], async () => undefined).query(async ({ ctx, input }) =>
      listPosDevices({ locationId: await listScope(ctx, input.locationId) }, domainContext(ctx)),
    ),
  }),

  receipt: scopedProcedure(PosOrderInput, till, atSaleStore).query(({ ctx, input }) => getPosReceipt(input, domainContext(ctx))),
  /** Queues the receipt e-mail (the demo writes it to the mail log). */
  emailReceipt: scopedProcedure(PosEmailReceiptInput, till, atSaleStore).mutation(({ ctx, input }) => emailPosReceipt(input, domainContext(ctx))),
});
