import { CycleCountIdInput, RecordCycleCountInput, StartCycleCountInput } from "@oms/contracts";
import { assertCanAccessCycleCount, getCycleCount, postCycleCount, recordCycleCount, startCycleCount } from "@oms/core";
import { domainContext } from "../context.ts";
import { locationRoleProcedure, router } from "../trpc.ts";
import { scopedProcedure } from "./guards.ts";

const counters = ["ADMIN", "MANAGER", "ASSOCIATE"] as const;

export const cycleCountsRouter = router({
  start: locationRoleProcedure(counters).input(StartCycleCountInput).mutation(({ ctx, input }) => startCycleCount(input, domainContext(ctx))),
  record: scopedProcedure(RecordCycleCountInput, counters, (ctx, input) => assertCanAccessCycleCount(ctx.actor, input.cycleCountId, ctx.db)).mutation(({ ctx, input }) =>
    recordCycleCount(input, domainContext(ctx)),
  ),
  /** Posting changes on hand by the variances: a manager's decision. */
  post: scopedProcedure(CycleCountIdInput, ["ADMIN", "MANAGER"], (ctx, input) => assertCanAccessCycleCount(ctx.actor, input.cycleCountId, ctx.db)).mutation(({ ctx, input }) =>
    postCycleCount(input, domainContext(ctx)),
  ),
  get: scopedProcedure(CycleCountIdInput, counters, (ctx, input) => assertCanAccessCycleCount(ctx.actor, input.cycleCountId, ctx.db)).query(({ ctx, input }) =>
    getCycleCount(input, { db: ctx.db }),
  ),
});
