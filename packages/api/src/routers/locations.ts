import { getLocation, listLocations, ListLocationsInput } from "@oms/core";
import { domainContext } from "../context.ts";
import { authedProcedure, locationProcedure, router } from "../trpc.ts";

export const locationsRouter = router({
  /** All locations for an admin; a store role sees only its own store. */
  list: authedProcedure.input(ListLocationsInput).query(({ ctx, input }) => listLocations(input, domainContext(ctx))),
  get: locationProcedure.query(({ ctx, input }) => getLocation({ locationId: input.locationId }, domainContext(ctx))),
});
