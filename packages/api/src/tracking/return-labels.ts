import { AppError, type RequestReturnInput, type ReturnLabelView } from "@oms/contracts";
import { getReturnLabelShipment, prepareReturnLabel, RETURN_PARCEL, recordReturnLabel, recordReturnLabelFailure, requestReturn, type DomainContext, type ReturnRequester } from "@oms/core";
import { sharedDatabase, type PrismaClient } from "@oms/db";
import type { CarrierRegistry, LabelDocument } from "@oms/shipping";
import { processCarriers } from "./carriers.ts";

/**
 * Buys the return label of a requested return in three steps, never holding a database
 * transaction across the carrier call: (1) record the purchase with its idempotency key
 * (a LABEL_PENDING shipment; a retry finds it), (2) ask the carrier with that key,
 * (3) record the answer. A carrier failure is stored on the shipment and the return stays
 * as it is; asking again repeats step 2 with the same key, so the label is bought once.
 */
export async function issueReturnLabel(input: { returnId: string; carrier?: string | null }, ctx: DomainContext, carriers: CarrierRegistry = processCarriers()): Promise<ReturnLabelView> {
  const intent = await prepareReturnLabel(input, ctx);
  const view = (status: string, trackingNumber: string | null, ready: boolean): ReturnLabelView => ({ shipmentId: intent.shipmentId, carrier: intent.carrier, trackingNumber, status, ready });
  if (intent.ready) {
    const row = await getReturnLabelShipment(ctx.db, intent.shipmentId);
    return view(row?.status ?? "LABEL_CREATED", null, true);
  }
  const carrier = carriers.require(intent.carrier);
  try {
    const bought = await carrier.createShipment({
      from: intent.from,
      to: intent.to,
      parcel: { ...RETURN_PARCEL, weightGrams: intent.weightGrams },
      currency: intent.currency,
      service: intent.service,
      labelFormat: "PDF",
      reference: intent.returnNumber,
      idempotencyKey: intent.idempotencyKey,
      isReturn: true,
    });
    await recordReturnLabel(
      { shipmentId: intent.shipmentId, carrierShipmentId: bought.shipmentId, trackingNumber: bought.trackingNumber, trackingUrl: bought.trackingUrl, labelUrl: bought.labelUrl, service: bought.service, amount: bought.amount, currency: bought.currency },
      ctx,
    );
    return view("LABEL_CREATED", bought.trackingNumber, true);
  } catch (error) {
    const message = AppError.isAppError(error) ? error.message : "The carrier did not answer.";
    await recordReturnLabelFailure({ shipmentId: intent.shipmentId, message }, ctx);
    throw AppError.isAppError(error) ? error : new AppError("UNAVAILABLE", `The return is recorded, but ${carrier.name} did not sell the label just now. Try again in a minute.`, { retryable: true });
  }
}

/**
 * A requested return (RMA) and, when asked for, its label. The return is committed first;
 * if the carrier then fails, the answer still carries the return and `labelError`, and the
 * label can be asked for again.
 */
export async function startReturnWithLabel(input: RequestReturnInput, ctx: DomainContext, requestedBy: ReturnRequester, carriers: CarrierRegistry = processCarriers()) {
  const opened = await requestReturn(input, ctx, requestedBy);
  if (!input.returnLabel) return { ...opened, label: null, labelError: null };
  try {
    return { ...opened, label: await issueReturnLabel({ returnId: opened.id, carrier: input.carrier ?? null }, ctx, carriers), labelError: null };
  } catch (error) {
    return { ...opened, label: null, labelError: AppError.isAppError(error) ? error.message : "The label could not be bought now; try again." };
  }
}

/** The label document of a return-label shipment, printed again from the carrier's stored label. */
export async function returnLabelDocument(shipmentId: string, ctx: Pick<DomainContext, "db">, carriers: CarrierRegistry = processCarriers()): Promise<{ document: LabelDocument; returnNumber: string; orderId: string }> {
  const row = await getReturnLabelShipment(ctx.db, shipmentId);
  if (!row || !row.isReturnLabel || !row.return || !row.labelUrl || row.status === "CANCELLED" || row.status === "LABEL_PENDING") {
    throw new AppError("NOT_FOUND", "That return label does not exist or is not ready yet.");
  }
  const document = await carriers.require(row.carrier).labelDocument({ shipmentId: row.carrierShipmentId ?? row.id, labelUrl: row.labelUrl, labelFormat: row.labelFormat ?? "PDF" });
  return { document, returnNumber: row.return.number, orderId: row.return.orderId };
}

/** GET /track/return-label/<id>: the PDF inline (opens in the browser's viewer), 404 when unknown or not bought yet. */
export async function returnLabelPdf(shipmentId: string, options: { db?: PrismaClient; carriers?: CarrierRegistry } = {}): Promise<Response> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(shipmentId)) return new Response("Not found", { status: 404 });
  try {
    const { document, returnNumber } = await returnLabelDocument(shipmentId, { db: options.db ?? sharedDatabase().prisma }, options.carriers);
    return new Response(Buffer.from(document.data), {
      status: 200,
      headers: {
        "content-type": document.contentType,
        "content-disposition": `inline; filename="return-label-${returnNumber}.${document.contentType === "application/pdf" ? "pdf" : "zpl"}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (AppError.isAppError(error) && error.code === "NOT_FOUND") return new Response("This return label does not exist or is not ready yet.", { status: 404 });
    console.error("[shipping] return label could not be fetched:", error);
    return new Response("The carrier did not hand out the label just now. Try again in a minute.", { status: 503, headers: { "retry-after": "30" } });
  }
}
