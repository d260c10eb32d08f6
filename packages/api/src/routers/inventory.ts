import { AdjustStockInput, AvailabilityInput, ListLevelsInput, ListMovementsInput, ReceiveStockInput } from "@oms/contracts";
import { adjustStock, getAvailability, listLevels, listMovements, receiveStock } from "@oms/core";
import { domainContext } from "../context.ts";
import { authedProcedure, locationRoleProcedure, router } from "../trpc.ts";
import { ALL_ROLES } from "./guards.ts";

export const inventoryRouter = router({
  /** Any signed-in person: a cashier sells from other stores' stock (endless aisle). */
  availability: authedProcedure.input(AvailabilityInput).query(({ ctx, input }) => getAvailability(input, { db: ctx.db })),
  levels: locationRoleProcedure(ALL_ROLES).input(ListLevelsInput).query(({ ctx, input }) => listLevels(input, { db: ctx.db })),
  /** The ledger of one variant at one location. */
  movements: locationRoleProcedure(["ADMIN", "MANAGER"]).input(ListMovementsInput).query(({ ctx, input }) => listMovements(input, { db: ctx.db })),
  receive: locationRoleProcedure(["ADMIN", "MANAGER", "ASSOCIATE"]).input(ReceiveStockInput).mutation(({ ctx, input }) => receiveStock(input, domainContext(ctx))),
  adjust: locationRoleProcedure(["ADMIN", "MANAGER"]).input(AdjustStockInput).mutation(({ ctx, input }) => adjustStock(input, domainContext(ctx))),
});
