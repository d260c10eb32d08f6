// The audit log as HQ reads it: who changed what and when, filtered, with the before and
// after of each change, and as a CSV. The commands write their own rows (shared/audit.ts).
export { listAuditLog, getAuditEntry, listAuditFacets, type AuditEntry, type AuditPage } from "./list-audit-log.ts";
export { exportAuditCsv, AUDIT_EXPORT_MAX_ROWS } from "./export-audit-csv.ts";
