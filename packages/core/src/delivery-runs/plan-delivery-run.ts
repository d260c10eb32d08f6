import { AppError, PlanDeliveryRunInput, type DeliveryRunView } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { assertCanAccessLocation } from "../access.ts";
import { recordOrderEvent } from "../orders/index.ts";
import { actorUserId } from "../shared/actor.ts";
import { nextNumber } from "../shared/counters.ts";
import { isUniqueViolation, translateDatabaseError } from "../shared/database-errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { LOCAL_DELIVERY_CARRIER, loadRunView } from "./delivery-run-rows.ts";

/**
 * A run of DELIVERY fulfilment orders for one driver, the stops in the order given. A stop
 * is a packed delivery order of this location, or one shipped whose last delivery failed
 * (a second attempt). Each fulfilment order is locked, and may be a pending stop on one run
 * only (a partial unique index backs the check): two people planning the same order at
 * once get one run with it and a CONFLICT naming it.
 */
export async function planDeliveryRun(rawInput: PlanDeliveryRunInput, ctx: DomainContext): Promise<DeliveryRunView> {
  const input = parseInput(PlanDeliveryRunInput, rawInput);
  assertCanAccessLocation(ctx.actor, input.locationId);
  try {
    return await withTransaction(ctx, async (tx) => {
      let driverName = input.driverName;
      if (input.driverUserId) {
        const driver = await tx.user.findUnique({ where: { id: input.driverUserId }, select: { name: true, active: true, homeLocationId: true, role: true } });
        if (!driver || !driver.active) throw new AppError("VALIDATION_FAILED", "driverUserId: That person cannot drive: no such active staff member.", { fields: [{ path: ["driverUserId"], message: "No such active staff member" }] });
        if (driver.role !== "ADMIN" && driver.homeLocationId !== input.locationId) throw new AppError("VALIDATION_FAILED", "driverUserId: That person works at another store.", { fields: [{ path: ["driverUserId"], message: "Works at another store" }] });
        driverName = driver.name;
      }
      // Lock in id order, as every multi-row command does, so two planners cannot deadlock.
      const sorted = [...input.fulfillmentOrderIds].sort();
      await tx.$queryRaw`SELECT "id" FROM "FulfillmentOrder" WHERE "id" = ANY(${sorted}::uuid[]) ORDER BY "id" FOR UPDATE`;
      const rows = await tx.fulfillmentOrder.findMany({
        where: { id: { in: sorted } },
        select: {
          id: true, number: true, orderId: true, type: true, status: true, locationId: true,
          deliveryStops: { where: { status: { in: ["PENDING", "FAILED", "DELIVERED"] } }, orderBy: { id: "desc" }, select: { status: true, run: { select: { number: true } } } },
        },
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      input.fulfillmentOrderIds.forEach((id, index) => {
        const path = ["fulfillmentOrderIds", index];
        const fo = byId.get(id);
        if (!fo) throw new AppError("NOT_FOUND", `fulfillmentOrderIds.${index}: That delivery order does not exist.`, { fields: [{ path, message: "No such order" }] });
        if (fo.type !== "DELIVERY" || fo.locationId !== input.locationId) {
          throw new AppError("VALIDATION_FAILED", `fulfillmentOrderIds.${index}: ${fo.number} is not a local delivery of this location.`, { fields: [{ path, message: "Not a local delivery here" }] });
        }
        const pending = fo.deliveryStops.find((s) => s.status === "PENDING");
        if (pending) throw new AppError("CONFLICT", `fulfillmentOrderIds.${index}: ${fo.number} is already on run ${pending.run.number}.`, { fields: [{ path, message: `Already on ${pending.run.number}` }] });
        const lastFailed = fo.deliveryStops[0]?.status === "FAILED";
        if (!(fo.status === "PACKED" || (fo.status === "SHIPPED" && lastFailed))) {
          throw new AppError("INVALID_TRANSITION", `fulfillmentOrderIds.${index}: ${fo.number} is ${fo.status.toLowerCase().replaceAll("_", " ")}; only packed delivery orders (or a failed delivery to try again) can go on a run.`, { fields: [{ path, message: "Not ready to deliver" }] });
        }
      });
      const run = await tx.deliveryRun.create({
        data: {
          number: await nextNumber(tx, "delivery-run", "DR-"),
          locationId: input.locationId,
          driverUserId: input.driverUserId,
          driverName,
          note: input.note,
          createdById: actorUserId(ctx.actor),
          createdAt: ctx.now,
          stops: { create: input.fulfillmentOrderIds.map((fulfillmentOrderId, i) => ({ fulfillmentOrderId, sequence: i + 1 })) },
        },
      });
      for (const [i, id] of input.fulfillmentOrderIds.entries()) {
        const fo = byId.get(id)!;
        await recordOrderEvent(tx, fo.orderId, "delivery.planned", `${fo.number} is stop ${i + 1} of delivery run ${run.number} (driver ${driverName}).`, ctx, { runId: run.id, carrier: LOCAL_DELIVERY_CARRIER });
      }
      return loadRunView(tx, run.id);
    });
  } catch (error) {
    if (isUniqueViolation(error, "fulfillmentOrderId") || isUniqueViolation(error, "DeliveryStop_one_pending")) {
      throw new AppError("CONFLICT", "One of these orders was just put on another run. Reload and plan again.", { retryable: true, fields: [{ path: ["fulfillmentOrderIds"], message: "Taken by another run" }] });
    }
    translateDatabaseError(error);
  }
}
