import { publicProcedure, router } from "../trpc.ts";

export const healthRouter = router({
  ping: publicProcedure.query(({ ctx }) => ({ ok: true as const, time: ctx.now() })),
});
