import { UpdateSettingsInput } from "@oms/contracts";
import { getSettings, updateSettings } from "@oms/core";
import { domainContext } from "../context.ts";
import { authedProcedure, roleProcedure, router } from "../trpc.ts";

export const settingsRouter = router({
  /** The organisation's settings; every signed-in person may read the thresholds they work under. */
  get: authedProcedure.query(({ ctx }) => getSettings(undefined, domainContext(ctx))),
  /** Replaces them (HQ admins only); audited field by field. */
  update: roleProcedure(["ADMIN"]).input(UpdateSettingsInput).mutation(({ ctx, input }) => updateSettings(input, domainContext(ctx))),
});
