// The packing bench (/fulfillment): the location's SHIP and DELIVERY queue, batch picking,
// packing, labels, hand-over and the end-of-day manifest. Scoped like the pickup router:
// the store floor (associates, managers) of that location and HQ. Short picks go through
// pickup.shortPick, which works on any fulfillment order the caller holds.
import {
  assertCanAccessFulfillmentOrder,
  batchPickList,
  BatchInput,
  buyLabels,
  BuyLabelsInput,
  closeManifest,
  CloseManifestInput,
  FulfillmentRefInput,
  getManifest,
  labelDocument,
  listManifests,
  ManifestListInput,
  ManifestRefInput,
  packagingBoxes,
  packingSlip,
  packShipment,
  PackShipmentInput,
  quoteRates,
  scanBatchItem,
  ScanBatchItemInput,
  shipFulfillment,
  ShipmentRefInput,
  shippingQueue,
  ShippingQueueInput,
  startBatchPick,
  voidLabel,
  type ShippingContext,
} from "@oms/core";
import { AppError } from "@oms/contracts";
import { z } from "zod";
import { carriers } from "../carriers.ts";
import { domainContext } from "../context.ts";
import { router } from "../trpc.ts";
import { assertLocation, scopedProcedure, type AuthedContext } from "./guards.ts";

const LabelFileInput = ShipmentRefInput.extend({ format: z.enum(["PDF", "ZPL"], { error: "Choose PDF or ZPL." }).optional() });
const floor = ["ADMIN", "MANAGER", "ASSOCIATE"] as const;
const atItsLocation = (ctx: AuthedContext, input: { fulfillmentOrderId: string }) => assertCanAccessFulfillmentOrder(ctx.actor, input.fulfillmentOrderId, ctx.db);
const atLocation = (ctx: AuthedContext, input: { locationId: string }) => assertLocation(ctx, input.locationId);
const shipping = (ctx: AuthedContext): ShippingContext => ({ ...domainContext(ctx), carriers: carriers() });

/** A label belongs to its fulfillment order's location. */
export async function assertCanAccessShipment(ctx: AuthedContext, shipmentId: string) {
  const s = await ctx.db.shipment.findUnique({ where: { id: shipmentId }, select: { fulfillmentOrderId: true } });
  if (!s) throw new AppError("NOT_FOUND", "That label does not exist.", { shipmentId });
  return assertCanAccessFulfillmentOrder(ctx.actor, s.fulfillmentOrderId, ctx.db);
}

async function atManifestLocation(ctx: AuthedContext, input: { manifestId: string }) {
  const m = await ctx.db.carrierManifest.findUnique({ where: { id: input.manifestId }, select: { locationId: true } });
  if (!m) throw new AppError("NOT_FOUND", "That manifest does not exist.", { manifestId: input.manifestId });
  await assertLocation(ctx, m.locationId);
}

export const shippingRouter = router({
  queue: scopedProcedure(ShippingQueueInput, floor, atLocation).query(({ ctx, input }) => shippingQueue(input, domainContext(ctx))),
  boxes: scopedProcedure(ShippingQueueInput, floor, atLocation).query(({ ctx, input }) => packagingBoxes(input, domainContext(ctx))),
  pickList: scopedProcedure(BatchInput, floor, atLocation).query(({ ctx, input }) => batchPickList(input, domainContext(ctx))),
  startBatch: scopedProcedure(BatchInput, floor, atLocation).mutation(({ ctx, input }) => startBatchPick(input, domainContext(ctx))),
  scan: scopedProcedure(ScanBatchItemInput, floor, atLocation).mutation(({ ctx, input }) => scanBatchItem(input, domainContext(ctx))),
  pack: scopedProcedure(PackShipmentInput, floor, atItsLocation).mutation(({ ctx, input }) => packShipment(input, domainContext(ctx))),
  rates: scopedProcedure(FulfillmentRefInput, floor, atItsLocation).query(({ ctx, input }) => quoteRates(input, shipping(ctx))),
  buyLabels: scopedProcedure(BuyLabelsInput, floor, atItsLocation).mutation(({ ctx, input }) => buyLabels(input, shipping(ctx))),
  voidLabel: scopedProcedure(ShipmentRefInput, floor, (ctx, input) => assertCanAccessShipment(ctx, input.shipmentId)).mutation(({ ctx, input }) => voidLabel(input, shipping(ctx))),
  ship: scopedProcedure(FulfillmentRefInput, floor, atItsLocation).mutation(({ ctx, input }) => shipFulfillment(input, domainContext(ctx))),
  closeManifest: scopedProcedure(CloseManifestInput, floor, atLocation).mutation(({ ctx, input }) => closeManifest(input, shipping(ctx))),
  manifests: scopedProcedure(ManifestListInput, floor, atLocation).query(({ ctx, input }) => listManifests(input, domainContext(ctx))),
  manifest: scopedProcedure(ManifestRefInput, floor, atManifestLocation).query(({ ctx, input }) => getManifest(input, domainContext(ctx))),
  /** The label file (the web app's /fulfillment/labels/[id] route streams it). */
  labelFile: scopedProcedure(LabelFileInput, floor, (ctx, input) => assertCanAccessShipment(ctx, input.shipmentId)).query(async ({ ctx, input }) => {
    const doc = await labelDocument(input, shipping(ctx));
    return { contentType: doc.contentType, fileName: doc.fileName, base64: Buffer.from(doc.data).toString("base64") };
  }),
  packingSlip: scopedProcedure(FulfillmentRefInput, floor, atItsLocation).query(({ ctx, input }) => packingSlip(input, domainContext(ctx))),
});
