import { TaskInboxInput, type TaskSortField } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

const inboxInclude = {
  order: { select: { id: true, number: true, status: true, isLate: true, customerName: true } },
  fulfillmentOrder: { select: { id: true, number: true, status: true } },
  location: { select: { id: true, code: true, name: true } },
} satisfies Prisma.TaskInclude;

export type TaskInboxRow = Prisma.TaskGetPayload<{ include: typeof inboxInclude }>;

export interface TaskInboxPage {
  items: TaskInboxRow[];
  total: number;
  page: number;
  pageSize: number;
}

function inboxOrderBy(sort: { field: TaskSortField; desc: boolean }): Prisma.TaskOrderByWithRelationInput[] {
  const dir = sort.desc ? "desc" : "asc";
  switch (sort.field) {
    case "createdAt":
      return [{ createdAt: dir }, { id: dir }];
    case "dueAt":
      return [{ dueAt: { sort: dir, nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }];
    case "kind":
      return [{ kind: dir }, { createdAt: "asc" }, { id: "asc" }];
    case "assigneeRole":
      return [{ assigneeRole: dir }, { createdAt: "asc" }, { id: "asc" }];
    case "location":
      return [{ location: { name: dir } }, { createdAt: "asc" }, { id: "asc" }];
  }
}

/**
 * The task inbox of HQ: tasks across the network filtered by location ("HQ": tasks of no
 * location), role, kind, status and age, one sort column, offset paging with the total.
 * Oldest first by default: what has waited longest comes first. Who may see which
 * location is decided by the caller (the API scopes store roles to their store).
 */
export async function listTaskInbox(rawInput: TaskInboxInput, ctx: Pick<DomainContext, "db" | "now">): Promise<TaskInboxPage> {
  const input = parseInput(TaskInboxInput, rawInput);
  const and: Prisma.TaskWhereInput[] = [{ status: { in: input.status } }];
  if (input.locationId === "HQ") and.push({ locationId: null });
  else if (input.locationId) and.push({ locationId: input.locationId });
  if (input.assigneeRole) and.push({ assigneeRole: { in: input.assigneeRole } });
  if (input.kind) and.push({ kind: { in: input.kind } });
  if (input.olderThanHours) and.push({ createdAt: { lte: new Date(ctx.now.getTime() - input.olderThanHours * 3_600_000) } });
  if (input.search) {
    const q = input.search;
    and.push({ OR: [{ title: { contains: q, mode: "insensitive" } }, { order: { number: { startsWith: q, mode: "insensitive" } } }] });
  }
  const where: Prisma.TaskWhereInput = { AND: and };
  const [total, items] = await Promise.all([
    ctx.db.task.count({ where }),
    ctx.db.task.findMany({ where, orderBy: inboxOrderBy(input.sort), skip: input.page * input.pageSize, take: input.pageSize, include: inboxInclude }),
  ]);
  return { items, total, page: input.page, pageSize: input.pageSize };
}
