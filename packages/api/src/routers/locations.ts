import { CreateLocationInput, LocationIdInput, LocationTableInput, UpdateLocationInput } from "@oms/contracts";
import { createLocation, getLocation, getLocationDetail, listLocations, ListLocationsInput, listLocationTable, listMarkets, updateLocation } from "@oms/core";
import { domainContext } from "../context.ts";
import { authedProcedure, locationProcedure, roleProcedure, router } from "../trpc.ts";

export const locationsRouter = router({
  /** All locations for an admin; a store role sees only its own store. */
  list: authedProcedure.input(ListLocationsInput).query(({ ctx, input }) => listLocations(input, domainContext(ctx))),
  get: locationProcedure.query(({ ctx, input }) => getLocation({ locationId: input.locationId }, domainContext(ctx))),
  /** HQ: the locations table, filtered, sorted and paged on the server. */
  table: roleProcedure(["ADMIN"]).input(LocationTableInput.optional()).query(({ ctx, input }) => listLocationTable(input ?? {}, domainContext(ctx))),
  /** HQ: the markets, for the filter and the form (a location sells in its market's currency). */
  markets: roleProcedure(["ADMIN"]).query(({ ctx }) => listMarkets(undefined, domainContext(ctx))),
  /** HQ: every editable field of one location. */
  detail: roleProcedure(["ADMIN"]).input(LocationIdInput).query(({ ctx, input }) => getLocationDetail(input, domainContext(ctx))),
  create: roleProcedure(["ADMIN"]).input(CreateLocationInput).mutation(({ ctx, input }) => createLocation(input, domainContext(ctx))),
  /** Audited field by field (before/after). */
  update: roleProcedure(["ADMIN"]).input(UpdateLocationInput).mutation(({ ctx, input }) => updateLocation(input, domainContext(ctx))),
});
