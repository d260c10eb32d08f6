import { CreateUserInput, LocationIdInput, SetUserPasswordInput, SetUserPinInput, StaffTableInput, UpdateUserInput } from "@oms/contracts";
import { createUser, deactivateUser, listPinStaff, listStaff, listStoresForDevice, reactivateUser, setUserPassword, setUserPin, updateUser, UserIdInput } from "@oms/core";
import { domainContext } from "../context.ts";
import { publicProcedure, roleProcedure, router } from "../trpc.ts";

const admin = roleProcedure(["ADMIN"]);

export const staffRouter = router({
  /** Public: the stores a shared device can be set to (PIN screen). */
  storesForDevice: publicProcedure.query(({ ctx }) => listStoresForDevice({ db: ctx.db })),
  /** Public: who can sign in with a PIN on this store's device (names and roles only). */
  pinTiles: publicProcedure.input(LocationIdInput).query(({ ctx, input }) => listPinStaff(input, { db: ctx.db })),
  /** HQ staff table; never returns a hash. */
  list: admin.input(StaffTableInput.optional()).query(({ ctx, input }) => listStaff(input ?? {}, domainContext(ctx))),
  create: admin.input(CreateUserInput).mutation(({ ctx, input }) => createUser(input, domainContext(ctx))),
  /** Name, role, home location. */
  update: admin.input(UpdateUserInput).mutation(({ ctx, input }) => updateUser(input, domainContext(ctx))),
  /** Ends the person's sessions. */
  setPassword: admin.input(SetUserPasswordInput).mutation(({ ctx, input }) => setUserPassword(input, domainContext(ctx))),
  setPin: admin.input(SetUserPinInput).mutation(({ ctx, input }) => setUserPin(input, domainContext(ctx))),
  deactivate: admin.input(UserIdInput).mutation(({ ctx, input }) => deactivateUser(input, domainContext(ctx))),
  reactivate: admin.input(UserIdInput).mutation(({ ctx, input }) => reactivateUser(input, domainContext(ctx))),
});
