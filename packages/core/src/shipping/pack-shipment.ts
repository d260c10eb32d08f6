import { AppError } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { activeUnits, markPacked } from "../fulfillment/index.ts";
import { assertHoldsClaim } from "../pickup/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { PackShipmentInput } from "./schemas.ts";

export interface PackResult {
  fulfillmentOrderId: string;
  status: string;
  parcels: { id: string; sequence: number; boxId: string | null; lengthMm: number; widthMm: number; heightMm: number; weightGrams: number }[];
}

/** Boxes a location may use: its own and the global ones, smallest first. */
export async function packagingBoxes(input: { locationId: string }, ctx: Pick<DomainContext, "db">) {
  return ctx.db.packagingBox.findMany({
    where: { active: true, OR: [{ locationId: input.locationId }, { locationId: null }] },
    orderBy: [{ sortOrder: "asc" }, { innerLengthMm: "asc" }, { code: "asc" }],
  });
}

/**
 * Packed into one or more parcels: each with its box (outside size = inner size + walls) or
 * its own size, and its weight on the scale, which must be more than the empty box and no
 * more than the box is rated for. Every unit must have been counted (scan or tap) first.
 * PICKING → PACKED (fulfillment's markPacked: the pick task is done) and the Parcel rows,
 * in one transaction with the claim check.
 */
export async function packShipment(rawInput: PackShipmentInput, ctx: DomainContext): Promise<PackResult> {
  const input = parseInput(PackShipmentInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const head = await tx.fulfillmentOrder.findUnique({ where: { id: input.fulfillmentOrderId }, select: { type: true, number: true, locationId: true, lines: { include: { orderLine: { select: { name: true } } } } } });
    if (!head) throw new AppError("NOT_FOUND", "That fulfillment order does not exist.", { fulfillmentOrderId: input.fulfillmentOrderId });
    if (head.type !== "SHIP" && head.type !== "DELIVERY") {
      throw new AppError("INVALID_TRANSITION", `${head.number} is collected in the store; pack it on the pickup screen.`, { type: head.type });
    }
    await assertHoldsClaim(input.fulfillmentOrderId, inner);
    const missing = head.lines.filter((l) => l.quantityPicked < activeUnits(l));
    if (missing.length > 0) {
      const what = missing.map((l) => `${activeUnits(l) - l.quantityPicked} × ${l.orderLine.name}`).join(", ");
      throw new AppError("VALIDATION_FAILED", `lines: Still to pick: ${what}. Scan them, or record a short pick.`, { fields: [{ path: ["lines"], message: `Still to pick: ${what}` }] });
    }
    const boxIds = [...new Set(input.parcels.map((p) => p.boxId).filter((id): id is string => !!id))];
    const boxes = boxIds.length ? await tx.packagingBox.findMany({ where: { id: { in: boxIds }, active: true, OR: [{ locationId: head.locationId }, { locationId: null }] } }) : [];
    const parcels = input.parcels.map((p, i) => {
      if (!p.boxId) return { sequence: i + 1, boxId: null, lengthMm: p.lengthMm!, widthMm: p.widthMm!, heightMm: p.heightMm!, weightGrams: p.weightGrams };
      const box = boxes.find((b) => b.id === p.boxId);
      if (!box) throw new AppError("VALIDATION_FAILED", `parcels.${i}.boxId: That box is not available here.`, { fields: [{ path: ["parcels", i, "boxId"], message: "Unknown box" }] });
      if (p.weightGrams <= box.tareGrams) {
        throw new AppError("VALIDATION_FAILED", `parcels.${i}.weightGrams: ${p.weightGrams} g is no more than the empty ${box.name} (${box.tareGrams} g); weigh it with the goods inside.`, {
          fields: [{ path: ["parcels", i, "weightGrams"], message: `More than ${box.tareGrams} g` }],
        });
      }
      if (p.weightGrams > box.maxWeightGrams) {
        throw new AppError("VALIDATION_FAILED", `parcels.${i}.weightGrams: The ${box.name} holds at most ${box.maxWeightGrams} g; use a bigger box or a second parcel.`, {
          fields: [{ path: ["parcels", i, "weightGrams"], message: `At most ${box.maxWeightGrams} g` }],
        });
      }
      const wall = 2 * box.wallMm;
      return { sequence: i + 1, boxId: box.id, lengthMm: box.innerLengthMm + wall, widthMm: box.innerWidthMm + wall, heightMm: box.innerHeightMm + wall, weightGrams: p.weightGrams };
    });
    const packed = await markPacked({ fulfillmentOrderId: input.fulfillmentOrderId, bagCount: parcels.length }, inner);
    const created = [];
    for (const p of parcels) {
      created.push(await tx.parcel.create({ data: { fulfillmentOrderId: packed.id, ...p, createdAt: ctx.now }, select: { id: true, sequence: true, boxId: true, lengthMm: true, widthMm: true, heightMm: true, weightGrams: true } }));
    }
    return { fulfillmentOrderId: packed.id, status: packed.status, parcels: created };
  });
}
