import { LocationIdInput } from "@oms/contracts";
import { deactivateUser, listPinStaff, listStoresForDevice, reactivateUser, UserIdInput } from "@oms/core";
import { domainContext } from "../context.ts";
import { publicProcedure, roleProcedure, router } from "../trpc.ts";

export const staffRouter = router({
  /** Public: the stores a shared device can be set to (PIN screen). */
  storesForDevice: publicProcedure.query(({ ctx }) => listStoresForDevice({ db: ctx.db })),
  /** Public: who can sign in with a PIN on this store's device (names and roles only). */
  pinTiles: publicProcedure.input(LocationIdInput).query(({ ctx, input }) => listPinStaff(input, { db: ctx.db })),
  deactivate: roleProcedure(["ADMIN"]).input(UserIdInput).mutation(({ ctx, input }) => deactivateUser(input, domainContext(ctx))),
  reactivate: roleProcedure(["ADMIN"]).input(UserIdInput).mutation(({ ctx, input }) => reactivateUser(input, domainContext(ctx))),
});
