// What the HQ staff screen and its modals share.
import type { AppRouter } from "@oms/api";
import type { Role } from "@oms/contracts";
import type { inferRouterOutputs } from "@trpc/server";

export type StaffRow = inferRouterOutputs<AppRouter>["staff"]["list"]["rows"][number];
export const ROLES: readonly Role[] = ["ADMIN", "MANAGER", "CASHIER", "ASSOCIATE"];
export const roleColor: Record<Role, string> = { ADMIN: "grape", MANAGER: "blue", CASHIER: "teal", ASSOCIATE: "orange" };
