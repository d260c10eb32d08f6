import { ListTransfersInput, ReceiveTransferInput, RequestTransferInput, ShipTransferInput, TransferIdInput } from "@oms/contracts";
import { assertCanAccessAnyLocation, assertCanAccessTransfer, cancelTransfer, listTransfers, receiveTransfer, requestTransfer, shipTransfer } from "@oms/core";
import { domainContext } from "../context.ts";
import { locationRoleProcedure, router } from "../trpc.ts";
import { ALL_ROLES, scopedProcedure } from "./guards.ts";

export const transfersRouter = router({
  /** A manager at either end (asking for stock, or offering it), or an admin. */
  request: scopedProcedure(RequestTransferInput, ["ADMIN", "MANAGER"], (ctx, input) =>
    assertCanAccessAnyLocation(ctx.actor, [input.fromLocationId, input.toLocationId], ctx.db),
  ).mutation(({ ctx, input }) => requestTransfer(input, domainContext(ctx))),
  /** The sending location packs and ships. */
  ship: scopedProcedure(ShipTransferInput, ["ADMIN", "MANAGER", "ASSOCIATE"], (ctx, input) => assertCanAccessTransfer(ctx.actor, input.transferId, "from", ctx.db)).mutation(
    ({ ctx, input }) => shipTransfer(input, domainContext(ctx)),
  ),
  /** The receiving location counts what arrived. */
  receive: scopedProcedure(ReceiveTransferInput, ["ADMIN", "MANAGER", "ASSOCIATE"], (ctx, input) => assertCanAccessTransfer(ctx.actor, input.transferId, "to", ctx.db)).mutation(
    ({ ctx, input }) => receiveTransfer(input, domainContext(ctx)),
  ),
  cancel: scopedProcedure(TransferIdInput, ["ADMIN", "MANAGER"], (ctx, input) => assertCanAccessTransfer(ctx.actor, input.transferId, "from", ctx.db)).mutation(({ ctx, input }) =>
    cancelTransfer(input, domainContext(ctx)),
  ),
  /** Transfers leaving or arriving at a location. */
  list: locationRoleProcedure(ALL_ROLES).input(ListTransfersInput).query(({ ctx, input }) => listTransfers(input, { db: ctx.db })),
});
