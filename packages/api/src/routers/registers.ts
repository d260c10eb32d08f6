// Registers and register sessions (docs/registers.md). Who may do what:
// - list (the store's registers and their state): cashiers, managers, HQ; only managers
//   and HQ get the expected cash in it (cashiers count blind at close);
// - open, cash in/out, close (blind count), Z report: cashiers, managers, HQ;
// - X report (expected cash so far): managers and HQ only.
// Associates do not work the till. Everything is scoped to the register's store.
import {
  CloseRegisterSessionInput,
  ListStoreRegistersInput,
  OpenRegisterSessionInput,
  RecordCashMovementInput,
  RegisterSessionRef,
} from "@oms/contracts";
import {
  assertCanAccessRegister,
  assertCanAccessRegisterSession,
  closeRegisterSession,
  getXReport,
  getZReport,
  listStoreRegisters,
  openRegisterSession,
  recordCashMovement,
} from "@oms/core";
import { domainContext } from "../context.ts";
import { router } from "../trpc.ts";
import { assertLocation, scopedProcedure, type AuthedContext } from "./guards.ts";

const till = ["ADMIN", "MANAGER", "CASHIER"] as const;
const managers = ["ADMIN", "MANAGER"] as const;
const atStore = (ctx: AuthedContext, input: { locationId: string }) => assertLocation(ctx, input.locationId);
const atRegister = (ctx: AuthedContext, input: { registerId: string }) => assertCanAccessRegister(ctx.actor, input.registerId, ctx.db);
const atSession = (ctx: AuthedContext, input: { registerSessionId: string }) => assertCanAccessRegisterSession(ctx.actor, input.registerSessionId, ctx.db);

export const registersRouter = router({
  list: scopedProcedure(ListStoreRegistersInput, till, atStore).query(({ ctx, input }) => listStoreRegisters(input, domainContext(ctx))),
  open: scopedProcedure(OpenRegisterSessionInput, till, atRegister).mutation(({ ctx, input }) => openRegisterSession(input, domainContext(ctx))),
  cashMovement: scopedProcedure(RecordCashMovementInput, till, atSession).mutation(({ ctx, input }) => recordCashMovement(input, domainContext(ctx))),
  xReport: scopedProcedure(RegisterSessionRef, managers, atSession).query(({ ctx, input }) => getXReport(input, domainContext(ctx))),
  close: scopedProcedure(CloseRegisterSessionInput, till, atSession).mutation(({ ctx, input }) => closeRegisterSession(input, domainContext(ctx))),
  zReport: scopedProcedure(RegisterSessionRef, till, atSession).query(({ ctx, input }) => getZReport(input, domainContext(ctx))),
});
