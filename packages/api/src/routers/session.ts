import { authedProcedure, router } from "../trpc.ts";

export const sessionRouter = router({
  /** The signed-in person as the session carries them. */
  me: authedProcedure.query(({ ctx }) => ctx.user),
});
