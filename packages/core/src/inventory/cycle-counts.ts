import { AppError, RecordCycleCountInput, StartCycleCountInput } from "@oms/contracts";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { nextNumber } from "../shared/counters.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertLocationExists } from "./lookups.ts";
import { changeOnHand, inventoryEvent, type LevelRow } from "./levels.ts";

/**
 * Prints a count sheet: the expected on hand of each variant is frozen now, so sales
 * during the count do not distort the variance (variance = counted − expected).
 */
export async function startCycleCount(rawInput: StartCycleCountInput, ctx: DomainContext) {
  const input = parseInput(StartCycleCountInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    await assertLocationExists(tx, input.locationId);
    const levels = await tx.inventoryLevel.findMany({
      where: { locationId: input.locationId, ...(input.variantIds ? { variantId: { in: input.variantIds } } : {}) },
      orderBy: [{ bin: "asc" }, { variantId: "asc" }],
    });
    const expected = new Map(levels.map((l) => [l.variantId, l.onHand]));
    const variantIds = input.variantIds ?? levels.map((l) => l.variantId);
    if (variantIds.length === 0) {
      throw new AppError("VALIDATION_FAILED", "variantIds: There is nothing stocked here to count.", {
        fields: [{ path: ["variantIds"], message: "Nothing to count" }],
      });
    }
    return tx.cycleCount.create({
      data: {
        number: await nextNumber(tx, "cycle-count", "CC-"),
        locationId: input.locationId,
        createdById: actorUserId(ctx.actor),
        createdAt: ctx.now,
        lines: { create: [...new Set(variantIds)].map((variantId) => ({ variantId, expected: expected.get(variantId) ?? 0 })) },
      },
      include: { lines: true },
    });
  });
}

/** Enters counted quantities (can be repeated until the count is posted). */
export async function recordCycleCount(rawInput: RecordCycleCountInput, ctx: DomainContext) {
  const input = parseInput(RecordCycleCountInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const count = await tx.cycleCount.findUnique({ where: { id: input.cycleCountId }, include: { lines: true } });
    if (!count) throw new AppError("NOT_FOUND", "That cycle count does not exist.");
    if (count.status !== "OPEN") throw new AppError("INVALID_TRANSITION", `Cycle count ${count.number} is already ${count.status.toLowerCase()}.`);
    const lineByVariant = new Map(count.lines.map((l) => [l.variantId, l]));
    for (const [index, entry] of input.counts.entries()) {
      const line = lineByVariant.get(entry.variantId);
      if (!line) {
        throw new AppError("VALIDATION_FAILED", `counts.${index}.variantId: That item is not on this count sheet.`, {
          fields: [{ path: ["counts", index, "variantId"], message: "Not on this count sheet" }],
        });
      }
      await tx.cycleCountLine.update({ where: { id: line.id }, data: { counted: entry.counted } });
    }
    return tx.cycleCount.findUniqueOrThrow({ where: { id: count.id }, include: { lines: true } });
  });
}

export const PostCycleCountInput = z.object({ cycleCountId: z.uuid({ message: "Choose a cycle count" }) });

/** Posts each variance as a CYCLE_COUNT movement; uncounted lines are left as they are. */
export async function postCycleCount(rawInput: z.input<typeof PostCycleCountInput>, ctx: DomainContext) {
  const input = parseInput(PostCycleCountInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const moved = await tx.cycleCount.updateMany({
        where: { id: input.cycleCountId, status: "OPEN" },
        data: { status: "POSTED", postedAt: ctx.now },
      });
      if (moved.count === 0) {
        const exists = await tx.cycleCount.findUnique({ where: { id: input.cycleCountId } });
        if (!exists) throw new AppError("NOT_FOUND", "That cycle count does not exist.");
        throw new AppError("INVALID_TRANSITION", `Cycle count ${exists.number} is already ${exists.status.toLowerCase()}.`);
      }
      const count = await tx.cycleCount.findUniqueOrThrow({ where: { id: input.cycleCountId }, include: { lines: true } });
      const levels: LevelRow[] = [];
      const variances: { variantId: string; expected: number; counted: number; variance: number }[] = [];
      for (const line of [...count.lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
        if (line.counted === null) continue;
        const variance = line.counted - line.expected;
        variances.push({ variantId: line.variantId, expected: line.expected, counted: line.counted, variance });
        if (variance === 0) continue;
        levels.push(
          await changeOnHand(
            tx,
            {
              variantId: line.variantId,
              locationId: count.locationId,
              delta: variance,
              kind: "CYCLE_COUNT",
              refs: { cycleCountId: count.id, reason: "COUNT_VARIANCE" },
            },
            ctx,
          ),
        );
      }
      await enqueueEvents(tx, levels.map(inventoryEvent));
      return { cycleCount: count, variances };
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
