export { openRegisterSession, type OpenedRegisterSession } from "./open-register-session.ts";
export { recordCashMovement, type RecordedCashMovement } from "./record-cash-movement.ts";
export { getXReport } from "./get-x-report.ts";
export { closeRegisterSession } from "./close-register-session.ts";
export { getZReport } from "./get-z-report.ts";
export { listStoreRegisters, type StoreRegisters, type StoreRegister, type StoreRegisterOpenSession } from "./list-store-registers.ts";
export { assertOpenRegisterSession, type OpenRegisterSessionRow } from "./assert-open-register-session.ts";
export { assertCanAccessRegister, assertCanAccessRegisterSession } from "./access.ts";
export type { CashReport, TenderLine, CashReportMovement, ReportPerson } from "./cash-report.ts";
