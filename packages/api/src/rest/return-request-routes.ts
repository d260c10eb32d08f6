import { AppError, PublicReturnRequest, PublicReturnRequestInput } from "@oms/contracts";
import type { z } from "zod";
import { startReturnWithLabel } from "../tracking/return-labels.ts";
import type { RouteDef } from "./route-types.ts";

/** Where a return label's PDF is served (the tracking page's route, public by its unguessable id). */
export const returnLabelPath = (shipmentId: string) => `/track/return-label/${shipmentId}`;

export const returnRequestRoutes: RouteDef[] = [
  {
    method: "POST",
    path: "/orders/{id}/returns",
    operationId: "requestReturn",
    summary: "Start a return by parcel, with a return label",
    description:
      "The customer sends delivered goods back by parcel (an RMA). Name each line by `sku` or `orderLineId`. With `returnLabel` (default) a prepaid label is bought from the carrier and its PDF is at `label.url`. Nothing is refunded or restocked until the store books the parcel in; the return's progress comes by `order.changed` webhooks. Units already on a return on its way cannot be requested again, so a retried request is refused with 422 instead of opening a second return.",
    tag: "Orders",
    scope: "orders:write",
    body: PublicReturnRequestInput,
    success: { status: 201, description: "The requested return and its label", schema: PublicReturnRequest },
    problems: [400, 404, 409, 422],
    async run(c) {
      const body = c.body as z.output<typeof PublicReturnRequestInput>;
      const id = c.params.id ?? "";
      const order = /^[0-9a-f-]{36}$/i.test(id) ? await c.db.order.findUnique({ where: { id }, select: { id: true, channel: true } }) : null;
      if (!order || order.channel !== c.key.channel) throw new AppError("NOT_FOUND", "That order does not exist.");
      const lines = await c.db.orderLine.findMany({ where: { orderId: order.id }, orderBy: { lineNo: "asc" }, select: { id: true, sku: true } });
      const mapped = body.lines.map((l, i) => {
        const line = l.orderLineId ? lines.find((x) => x.id === l.orderLineId) : lines.find((x) => x.sku === l.sku);
        if (!line) {
          throw new AppError("VALIDATION_FAILED", `lines[${i}]: ${l.sku ?? l.orderLineId ?? "That line"} is not on this order.`, {
            fields: [{ path: ["lines", i, l.orderLineId ? "orderLineId" : "sku"], message: l.orderLineId || l.sku ? "Not a line of this order" : "Give the sku or orderLineId" }],
          });
        }
        return { orderLineId: line.id, quantity: l.quantity, reason: l.reason };
      });
      const started = await startReturnWithLabel(
        { orderId: order.id, locationId: body.locationId, refundMethod: body.refundMethod, lines: mapped, note: body.note ?? null, returnLabel: body.returnLabel },
        { db: c.db, actor: c.actor, now: c.now },
        "CUSTOMER",
      );
      return {
        status: 201,
        body: {
          id: started.id,
          number: started.number,
          orderId: started.orderId,
          status: "REQUESTED",
          label: started.label ? { carrier: started.label.carrier, trackingNumber: started.label.trackingNumber, url: returnLabelPath(started.label.shipmentId) } : null,
          labelError: started.labelError,
        },
      };
    },
  },
];
