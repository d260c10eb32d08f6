// Shared by deactivate-user and reactivate-user.
import { z } from "zod";
import { Id, type Role } from "@oms/contracts";

/** Input of deactivateUser / reactivateUser (and the tRPC procedures). */
export const UserIdInput = z.object({ userId: Id });
export type UserIdInput = z.infer<typeof UserIdInput>;

export interface UserStatus {
  id: string;
  name: string;
  email: string;
  role: Role;
  locationId: string | null;
  active: boolean;
  sessionVersion: number;
}

export const userStatusSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  homeLocationId: true,
  active: true,
  sessionVersion: true,
} as const;

export function toUserStatus(u: {
  id: string;
  name: string;
  email: string;
  role: Role;
  homeLocationId: string | null;
  active: boolean;
  sessionVersion: number;
}): UserStatus {
  return { id: u.id, name: u.name, email: u.email, role: u.role, locationId: u.homeLocationId, active: u.active, sessionVersion: u.sessionVersion };
}
