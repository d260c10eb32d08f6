import { z } from "zod";

export const PasswordSignInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: "Enter your e-mail address" })),
  password: z.string().min(1, "Enter your password").max(200),
});
export type PasswordSignInInput = z.infer<typeof PasswordSignInInput>;

export const PinSignInInput = z.object({
  locationId: z.uuid({ message: "Choose the store this device belongs to" }),
  userId: z.uuid({ message: "Choose who is signing in" }),
  pin: z.string().regex(/^\d{4,8}$/, "The PIN is 4 to 8 digits"),
});
export type PinSignInInput = z.infer<typeof PinSignInInput>;

/** Staff shown on a store device's PIN screen: no e-mail, just who they are. */
export const StaffTile = z.object({ id: z.string(), name: z.string(), role: z.string() });
export type StaffTile = z.infer<typeof StaffTile>;

export const lockoutPolicy = { maxFailedAttempts: 5, lockMinutes: 15 } as const;
