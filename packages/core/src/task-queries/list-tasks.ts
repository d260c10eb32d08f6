import { ListTasksInput } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

const taskInclude = {
  order: { select: { id: true, number: true, status: true } },
  fulfillmentOrder: { select: { id: true, number: true, status: true } },
  location: { select: { id: true, code: true, name: true } },
} satisfies Prisma.TaskInclude;

export type TaskSummary = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

/**
 * Tasks, due first (no due date last), then oldest; cursor = the last task id. Who may see
 * which location is decided by the caller (the API scopes store roles to their store).
 */
export async function listTasks(rawInput: ListTasksInput, ctx: Pick<DomainContext, "db">): Promise<{ items: TaskSummary[]; nextCursor: string | null }> {
  const input = parseInput(ListTasksInput, rawInput);
  const rows = await ctx.db.task.findMany({
    where: {
      status: { in: input.status },
      ...(input.locationId ? { locationId: input.locationId } : {}),
      ...(input.kind ? { kind: { in: input.kind } } : {}),
    },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: taskInclude,
  });
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? page.at(-1)!.id : null };
}
