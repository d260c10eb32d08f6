import { UpdateSettingsInput, type OrganizationSettingsView } from "@oms/contracts";
import { assertRole } from "../access.ts";
import { withTransaction, type DomainContext } from "../context.ts";
import { changedFields, writeAudit } from "../shared/audit.ts";
import { parseInput } from "../shared/parse-input.ts";
import { readSettings, settingsSelect } from "./get-settings.ts";

type Editable = keyof UpdateSettingsInput;

/**
 * Replaces the organisation's settings (ADMIN only) and records who changed what: one
 * AuditLog row with the before and after of each changed field. Saving unchanged values
 * writes nothing. The sweeps and the till read the row at each run, so a change applies
 * from their next run on.
 */
export async function updateSettings(rawInput: unknown, ctx: DomainContext): Promise<OrganizationSettingsView> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(UpdateSettingsInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    // Lock the row so two admins saving at once each log against what they replaced.
    await tx.$queryRaw`SELECT id FROM "OrganizationSettings" WHERE id = 1 FOR UPDATE`;
    const before = await readSettings(tx);
    const keys = Object.keys(input) as Editable[];
    if (before && changedFields(before, input, keys).changed.length === 0) return before;
    const after = await tx.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input, select: settingsSelect });
    const diff = changedFields(before, after, keys);
    await writeAudit(tx, ctx, { action: "settings.updated", entityType: "OrganizationSettings", entityId: "1", data: { before: diff.before, after: diff.after } });
    return after;
  });
}
