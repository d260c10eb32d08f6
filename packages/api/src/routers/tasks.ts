import { AppError, ListTasksInput, ResolveTaskInput, TaskInboxInput } from "@oms/contracts";
import { assertCanAccessTask, exportTaskInboxCsv, listTaskInbox, listTasks, resolveTask } from "@oms/core";
import { domainContext } from "../context.ts";
import { authedProcedure, router } from "../trpc.ts";
import { ALL_ROLES, listScope, scopedProcedure } from "./guards.ts";

const roleNames: Record<string, string> = { ADMIN: "head office", MANAGER: "the store manager", CASHIER: "a cashier", ASSOCIATE: "a store associate" };

export const tasksRouter = router({
  /** ADMIN: every task (or one location's); store roles: their store's tasks. */
  list: authedProcedure.input(ListTasksInput).query(async ({ ctx, input }) => listTasks({ ...input, locationId: await listScope(ctx, input.locationId) }, { db: ctx.db })),
  /**
   * The task inbox table: filters (location, role, kind, status, age), one sort column, a
   * page and the total. ADMIN: every task ("HQ": tasks of no store); store roles: their store.
   */
  inbox: authedProcedure.input(TaskInboxInput).query(async ({ ctx, input }) =>
    listTaskInbox({ ...input, locationId: await listScope(ctx, input.locationId) }, domainContext(ctx)),
  ),
  /** The inbox's filtered set as CSV (up to 10,000 rows), scoped like `inbox`. */
  exportCsv: authedProcedure.input(TaskInboxInput).query(async ({ ctx, input }) =>
    exportTaskInboxCsv({ ...input, locationId: await listScope(ctx, input.locationId) }, domainContext(ctx)),
  ),
  /**
   * At the task's store (HQ tasks: ADMIN only), by the role it is assigned to; a manager
   * or an admin may resolve any task they can see.
   */
  resolve: scopedProcedure(ResolveTaskInput, ALL_ROLES, async (ctx, input) => {
    const task = await assertCanAccessTask(ctx.actor, input.taskId, ctx.db);
    const role = ctx.user.role;
    if (role !== "ADMIN" && role !== "MANAGER" && role !== task.assigneeRole) {
      throw new AppError("FORBIDDEN", `This task is for ${roleNames[task.assigneeRole] ?? task.assigneeRole}; ask them or the store manager to resolve it.`, {
        assigneeRole: task.assigneeRole,
      });
    }
  }).mutation(({ ctx, input }) => resolveTask(input, domainContext(ctx))),
});
