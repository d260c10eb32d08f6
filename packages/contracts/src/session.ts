import { z } from "zod";
import { Role } from "./enums.ts";

/** What a signed-in session carries (the JWT and the tRPC context). */
export const SessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  /** The store a store role works at; null for ADMIN. */
  locationId: z.string().nullable(),
  sessionVersion: z.number().int(),
});
export type SessionUser = z.infer<typeof SessionUser>;
