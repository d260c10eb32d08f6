import { StaffTableInput } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { staffMemberSelect, toStaffMember, type StaffMember } from "./staff-admin.ts";

export interface StaffPage {
  rows: StaffMember[];
  total: number;
}

/**
 * The HQ staff table (ADMIN): searched by any part of the name or e-mail, filtered by role,
 * home location and state, sorted by name, paged in the database (User(homeLocationId, role)
 * serves the location filter; the search scans a table of hundreds of people, not millions).
 */
export async function listStaff(rawInput: unknown, ctx: DomainContext): Promise<StaffPage> {
  assertRole(ctx.actor, ["ADMIN"]);
  const q = parseInput(StaffTableInput, rawInput ?? {});
  const where: Prisma.UserWhereInput = {
    ...(q.role ? { role: q.role } : {}),
    ...(q.locationId ? { homeLocationId: q.locationId } : {}),
    ...(q.active === undefined ? {} : { active: q.active }),
    ...(q.search ? { OR: [{ name: { contains: q.search, mode: "insensitive" } }, { email: { contains: q.search, mode: "insensitive" } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.db.user.findMany({ where, select: staffMemberSelect, orderBy: [{ name: "asc" }, { id: "asc" }], skip: q.page * q.pageSize, take: q.pageSize }),
    ctx.db.user.count({ where }),
  ]);
  return { rows: rows.map(toStaffMember), total };
}
