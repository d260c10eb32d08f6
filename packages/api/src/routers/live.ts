import { eventsSince, LiveSinceInput } from "@oms/realtime";
import { authedProcedure, router } from "../trpc.ts";

export const liveRouter = router({
  /**
   * Events of one live stream after a sequence number: a client that reconnected or saw a
   * gap catches up. Store staff: their store's stream; admins: any store and "hq".
   */
  since: authedProcedure.input(LiveSinceInput).query(({ ctx, input }) => eventsSince(input, { db: ctx.db, user: ctx.user })),
});
