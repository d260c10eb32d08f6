// The packing bench's settings in the demo (docs/demo-data.md#packing-bench): the box list,
// each shipping location's carrier with its daily cut-off, and a parcel for every order the
// history left packed, so buying its label works at once.
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

/** A stable UUID-shaped id from a name: the seed stays deterministic. */
function stableId(name: string): string {
  const h = createHash("sha256").update(`packing-bench:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const BOXES = [
  { code: "S", name: "Small box", innerLengthMm: 250, innerWidthMm: 180, innerHeightMm: 100, tareGrams: 150, maxWeightGrams: 5_000, sortOrder: 1 },
  { code: "M", name: "Medium box", innerLengthMm: 350, innerWidthMm: 250, innerHeightMm: 150, tareGrams: 250, maxWeightGrams: 10_000, sortOrder: 2 },
  { code: "L", name: "Large box", innerLengthMm: 500, innerWidthMm: 400, innerHeightMm: 300, tareGrams: 550, maxWeightGrams: 20_000, sortOrder: 3 },
  { code: "BAG", name: "Mailer bag", innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 50, wallMm: 1, tareGrams: 40, maxWeightGrams: 2_000, sortOrder: 4 },
];

export function buildPackingBench(locations: { id: string; code: string; fulfillmentTypes: string[]; kind: string }[]) {
  const boxes: Prisma.PackagingBoxCreateManyInput[] = BOXES.map((b) => ({ id: stableId(`box:${b.code}`), locationId: null, ...b }));
  // The warehouse's tall pallet box only there.
  const warehouse = locations.find((l) => l.kind === "WAREHOUSE");
  if (warehouse) boxes.push({ id: stableId("box:XL"), locationId: warehouse.id, code: "XL", name: "Extra large box", innerLengthMm: 600, innerWidthMm: 500, innerHeightMm: 400, tareGrams: 900, maxWeightGrams: 30_000, sortOrder: 5 });
  const carriers: Prisma.LocationCarrierCreateManyInput[] = locations
    .filter((l) => l.fulfillmentTypes.includes("SHIP") && l.kind !== "DROPSHIP_SUPPLIER")
    .map((l) => ({ id: stableId(`carrier:${l.code}`), locationId: l.id, carrier: "simulated", defaultService: "standard", cutoffTime: l.kind === "WAREHOUSE" ? "17:30" : "16:00" }));
  return { boxes, carriers };
}

export async function seedPackingBench(prisma: PrismaClient): Promise<Record<string, number>> {
  const locations = await prisma.location.findMany({ select: { id: true, code: true, fulfillmentTypes: true, kind: true } });
  const { boxes, carriers } = buildPackingBench(locations);
  await prisma.packagingBox.createMany({ data: boxes });
  await prisma.locationCarrier.createMany({ data: carriers });
  const medium = boxes.find((b) => b.code === "M")!;
  const packed = await prisma.fulfillmentOrder.findMany({ where: { type: { in: ["SHIP", "DELIVERY"] }, status: "PACKED", parcels: { none: {} } }, select: { id: true, number: true } });
  await prisma.parcel.createMany({
    data: packed.map((f) => ({ id: stableId(`parcel:${f.number}`), fulfillmentOrderId: f.id, sequence: 1, boxId: medium.id!, lengthMm: 358, widthMm: 258, heightMm: 158, weightGrams: 1_450 })),
  });
  return { packagingBoxes: boxes.length, locationCarriers: carriers.length, parcels: packed.length };
}
