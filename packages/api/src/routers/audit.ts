// The audit log for HQ administrators: the table, one entry, the filters' choices and the
// CSV behind GET /hq/audit/export.
import { AuditEntryIdInput, AuditLogInput } from "@oms/contracts";
import { exportAuditCsv, getAuditEntry, listAuditFacets, listAuditLog } from "@oms/core";
import { domainContext } from "../context.ts";
import { roleProcedure, router } from "../trpc.ts";

const admin = roleProcedure(["ADMIN"]);

export const auditRouter = router({
  list: admin.input(AuditLogInput.optional()).query(({ ctx, input }) => listAuditLog(input ?? {}, domainContext(ctx))),
  get: admin.input(AuditEntryIdInput).query(({ ctx, input }) => getAuditEntry(input, domainContext(ctx))),
  facets: admin.query(({ ctx }) => listAuditFacets(undefined, domainContext(ctx))),
  exportCsv: admin.input(AuditLogInput.optional()).query(({ ctx, input }) => exportAuditCsv(input ?? {}, domainContext(ctx))),
});
