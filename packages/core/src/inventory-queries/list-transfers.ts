import { ListTransfersInput } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

const transferInclude = {
  lines: true,
  fromLocation: { select: { id: true, code: true, name: true } },
  toLocation: { select: { id: true, code: true, name: true } },
} satisfies Prisma.TransferInclude;

export type TransferSummary = Prisma.TransferGetPayload<{ include: typeof transferInclude }>;

/** Transfers leaving and/or arriving at a location, newest first (cursor = last transfer id). */
export async function listTransfers(rawInput: ListTransfersInput, ctx: Pick<DomainContext, "db">): Promise<{ items: TransferSummary[]; nextCursor: string | null }> {
  const input = parseInput(ListTransfersInput, rawInput);
  const side: Prisma.TransferWhereInput =
    input.direction === "OUT"
      ? { fromLocationId: input.locationId }
      : input.direction === "IN"
        ? { toLocationId: input.locationId }
        : { OR: [{ fromLocationId: input.locationId }, { toLocationId: input.locationId }] };
  const rows = await ctx.db.transfer.findMany({
    where: { AND: [side, ...(input.status ? [{ status: { in: input.status } }] : [])] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: transferInclude,
  });
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? page.at(-1)!.id : null };
}
