import { AcceptReplenishmentInput, AppError, type ReplenishmentKind } from "@oms/contracts";
import { Prisma } from "@oms/db";
import type { z } from "zod";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { createPurchaseOrder, requestTransfer } from "../inventory/index.ts";
import { actorUserId } from "../shared/actor.ts";
import { writeAudit } from "../shared/audit.ts";
import { parseInput } from "../shared/parse-input.ts";
import { replenishmentOf, spareAt, suggestionOf } from "./replenishment.ts";

/** The supplier of a purchase-order suggestion for a variant never bought and without a brand. */
export const UNKNOWN_SUPPLIER = "Supplier to confirm";

export interface AcceptedSuggestion {
  key: string;
  levelId: string;
  /** CREATED: this call made the draft; ALREADY_ACCEPTED: the same suggestion was accepted before (no second draft). */
  status: "CREATED" | "ALREADY_ACCEPTED";
  kind: ReplenishmentKind;
  quantity: number;
  transfer: { id: string; number: string } | null;
  purchaseOrder: { id: string; number: string } | null;
}

type Item = z.output<typeof AcceptReplenishmentInput>["items"][number];

const refuse = (index: number, message: string, details: Record<string, unknown> = {}) =>
  new AppError("CONFLICT", message, { ...details, fields: [{ path: ["items", index], message }] });

/**
 * Accepts replenishment suggestions as the forecast table showed them: one draft transfer
 * per (from, to) pair (REQUESTED, nothing moves until it ships) and one draft purchase order
 * per (location, supplier), with an AuditLog row each and a `Replenishment` row per
 * suggestion, all in one transaction.
 *
 * Everything is checked again on the locked rows first: the level still needs stock, and a
 * transfer's source can still spare the quantity (after what this call already takes from
 * it). If one item no longer holds, nothing is created and the error names it: the person
 * reloads and sees the new suggestion. Accepting a suggestion whose key was already accepted
 * (a double click, two tabs) returns that draft instead of making a second one: the level's
 * row lock queues the second call behind the first, which then finds its key.
 */
export async function acceptReplenishmentSuggestions(rawInput: AcceptReplenishmentInput, ctx: DomainContext): Promise<{ items: AcceptedSuggestion[] }> {
  const input = parseInput(AcceptReplenishmentInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const levels = await tx.inventoryLevel.findMany({
      where: { id: { in: input.items.map((i) => i.levelId) } },
      select: { id: true, variantId: true, locationId: true, variant: { select: { sku: true } }, location: { select: { name: true } } },
    });
    const levelOf = new Map(levels.map((l) => [l.id, l]));
    input.items.forEach((item, index) => {
      if (!levelOf.has(item.levelId)) throw new AppError("NOT_FOUND", "That stock level does not exist.", { fields: [{ path: ["items", index, "levelId"], message: "Not found" }] });
    });
    // Lock the receiving levels and the sending ones, in id order (no deadlock between two callers).
    const pairs = input.items.flatMap((i) => (i.fromLocationId ? [Prisma.sql`(${levelOf.get(i.levelId)!.variantId}::uuid, ${i.fromLocationId}::uuid)`] : []));
    await tx.$queryRaw`
      SELECT "id" FROM "InventoryLevel"
      WHERE "id" IN (${Prisma.join(input.items.map((i) => Prisma.sql`${i.levelId}::uuid`))})
        ${pairs.length ? Prisma.sql`OR ("variantId", "locationId") IN (${Prisma.join(pairs)})` : Prisma.empty}
      ORDER BY "id" FOR UPDATE`;

    const earlier = new Map(
      (await tx.replenishment.findMany({ where: { key: { in: input.items.map((i) => i.key) } } })).map((r) => [r.key, r]),
    );
    const positions = new Map((await replenishmentOf(tx, input.items.filter((i) => !earlier.has(i.key)).map((i) => i.levelId))).map((p) => [p.levelId, p]));
    const taken = new Map<string, number>();
    const fresh: { item: Item; index: number; variantId: string; locationId: string; supplierName: string; unitCost: number; currency: string }[] = [];
    for (const [index, item] of input.items.entries()) {
      if (earlier.has(item.key)) continue;
      const level = levelOf.get(item.levelId)!;
      const what = `${level.variant.sku} at ${level.location.name}`;
      const position = positions.get(item.levelId);
      const live = position ? suggestionOf(position) : null;
      if (!position || !live) {
        throw refuse(index, `${what} has enough stock now, counting what is on its way: there is nothing to replenish. Reload the suggestions.`, { levelId: item.levelId });
      }
      if (item.kind === "TRANSFER") {
        const sourceKey = `${level.variantId}:${item.fromLocationId}`;
        const spare = (await spareAt(tx, level.variantId, item.fromLocationId!)) ?? 0;
        const left = spare - (taken.get(sourceKey) ?? 0);
        if (left < item.quantity) {
          const source = await tx.location.findUnique({ where: { id: item.fromLocationId! }, select: { name: true } });
          throw refuse(
            index,
            `${source?.name ?? "That location"} can no longer spare ${item.quantity} of ${level.variant.sku} (${Math.max(0, left)} now). Reload the suggestions to see where it can come from.`,
            { levelId: item.levelId, spare: Math.max(0, left) },
          );
        }
        taken.set(sourceKey, (taken.get(sourceKey) ?? 0) + item.quantity);
      }
      fresh.push({
        item,
        index,
        variantId: level.variantId,
        locationId: level.locationId,
        supplierName: position.supplierName ?? UNKNOWN_SUPPLIER,
        unitCost: position.unitCost ?? 0,
        currency: position.currency,
      });
    }

    // One draft per destination and source (transfers) or supplier (purchase orders).
    const groups = new Map<string, typeof fresh>();
    for (const f of fresh) {
      const group = f.item.kind === "TRANSFER" ? `T:${f.item.fromLocationId}:${f.locationId}` : `P:${f.locationId}:${f.supplierName}:${f.currency}`;
      groups.set(group, [...(groups.get(group) ?? []), f]);
    }
    const created = new Map<string, AcceptedSuggestion>();
    for (const members of groups.values()) {
      const first = members[0]!;
      const lines = members.map((m) => ({ variantId: m.variantId, quantity: m.item.quantity }));
      let transfer: { id: string; number: string } | null = null;
      let purchaseOrder: { id: string; number: string } | null = null;
      if (first.item.kind === "TRANSFER") {
        const t = await requestTransfer({ fromLocationId: first.item.fromLocationId!, toLocationId: first.locationId, lines, note: "Replenishment suggested by the forecast" }, { ...ctx, db: tx });
        transfer = { id: t.id, number: t.number };
      } else {
        const po = await createPurchaseOrder(
          { locationId: first.locationId, supplierName: first.supplierName, currency: first.currency, lines: members.map((m) => ({ variantId: m.variantId, quantity: m.item.quantity, unitCost: m.unitCost })) },
          { ...ctx, db: tx },
        );
        purchaseOrder = { id: po.id, number: po.number };
      }
      await tx.replenishment.createMany({
        data: members.map((m) => ({
          key: m.item.key,
          levelId: m.item.levelId,
          variantId: m.variantId,
          locationId: m.locationId,
          kind: m.item.kind,
          fromLocationId: m.item.fromLocationId,
          quantity: m.item.quantity,
          transferId: transfer?.id ?? null,
          purchaseOrderId: purchaseOrder?.id ?? null,
          createdById: actorUserId(ctx.actor),
          createdAt: ctx.now,
        })),
      });
      await writeAudit(tx, ctx, {
        action: "forecast.suggestion_accepted",
        entityType: transfer ? "Transfer" : "PurchaseOrder",
        entityId: (transfer ?? purchaseOrder)!.id,
        data: { number: (transfer ?? purchaseOrder)!.number, items: members.map((m) => ({ levelId: m.item.levelId, variantId: m.variantId, quantity: m.item.quantity, key: m.item.key })) },
      });
      for (const m of members) {
        created.set(m.item.key, { key: m.item.key, levelId: m.item.levelId, status: "CREATED", kind: m.item.kind, quantity: m.item.quantity, transfer, purchaseOrder });
      }
    }

    const numbers = await draftNumbers(tx, [...earlier.values()]);
    return {
      items: input.items.map((item) => {
        const made = created.get(item.key);
        if (made) return made;
        const r = earlier.get(item.key)!;
        return {
          key: r.key,
          levelId: r.levelId,
          status: "ALREADY_ACCEPTED" as const,
          kind: r.kind,
          quantity: r.quantity,
          transfer: r.transferId ? { id: r.transferId, number: numbers.get(r.transferId) ?? "" } : null,
          purchaseOrder: r.purchaseOrderId ? { id: r.purchaseOrderId, number: numbers.get(r.purchaseOrderId) ?? "" } : null,
        };
      }),
    };
  });
}

async function draftNumbers(tx: DomainContext["db"], rows: { transferId: string | null; purchaseOrderId: string | null }[]): Promise<Map<string, string>> {
  const transferIds = rows.flatMap((r) => (r.transferId ? [r.transferId] : []));
  const poIds = rows.flatMap((r) => (r.purchaseOrderId ? [r.purchaseOrderId] : []));
  const transfers = transferIds.length ? await tx.transfer.findMany({ where: { id: { in: transferIds } }, select: { id: true, number: true } }) : [];
  const pos = poIds.length ? await tx.purchaseOrder.findMany({ where: { id: { in: poIds } }, select: { id: true, number: true } }) : [];
  return new Map([...transfers, ...pos].map((d) => [d.id, d.number]));
}
