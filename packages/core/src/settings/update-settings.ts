import { UpdateSettingsInput, type OrganizationSettingsView } from "@oms/contracts";
import { assertRole } from "../access.ts";
import { withTransaction, type DomainContext } from "../context.ts";
import { actorRef } from "../shared/actor.ts";
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
    const changed = (Object.keys(input) as Editable[]).filter((key) => !before || before[key] !== input[key]);
    if (before && changed.length === 0) return before;
    const after = await tx.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input, select: settingsSelect });
    await tx.auditLog.create({
      data: {
        ...actorRef(ctx.actor),
        action: "settings.updated",
        entityType: "OrganizationSettings",
        entityId: "1",
        data: {
          before: Object.fromEntries(changed.map((key) => [key, before ? before[key] : null])),
          after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        },
        createdAt: ctx.now,
      },
    });
    return after;
  });
}
