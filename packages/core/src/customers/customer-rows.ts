// Row-to-result mapping shared by the customer functions. Internal to the module.
import { AppError, type CustomerAddressResult, type CustomerResult } from "@oms/contracts";
import type { Tx } from "@oms/db";

export const customerSelect = {
  id: true,
  email: true,
  phone: true,
  firstName: true,
  lastName: true,
  marketingOptIn: true,
  note: true,
  createdAt: true,
} as const;

export function toAddressResult(a: CustomerAddressResult & { customerId?: string; latitude?: number | null; longitude?: number | null }): CustomerAddressResult {
  return {
    id: a.id,
    label: a.label,
    name: a.name,
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    postalCode: a.postalCode,
    region: a.region,
    countryCode: a.countryCode,
    phone: a.phone,
    isDefault: a.isDefault,
  };
}

export async function findCustomerOrThrow(db: Tx, customerId: string): Promise<CustomerResult> {
  const row = await db.customer.findUnique({ where: { id: customerId }, select: customerSelect });
  if (!row) {
    throw new AppError("NOT_FOUND", "customerId: That customer does not exist.", { fields: [{ path: ["customerId"], message: "No such customer" }] });
  }
  return row;
}

/** A duplicate e-mail is a conflict the person can act on; say which field and whose. */
export async function assertEmailFree(db: Tx, email: string | null | undefined, exceptId?: string): Promise<void> {
  if (!email) return;
  const other = await db.customer.findFirst({ where: { email: { equals: email, mode: "insensitive" }, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  if (other) throw emailTaken(email, other.id);
}

export function emailTaken(email: string, customerId?: string): AppError {
  return new AppError("CONFLICT", `email: Another customer already uses ${email}. Open that customer instead of creating a new one.`, {
    fields: [{ path: ["email"], message: "Already used by another customer" }],
    ...(customerId ? { customerId } : {}),
  });
}

/** Prisma's unique-constraint error (P2002) on the e-mail column, from any driver. */
export function isUniqueEmailViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; message?: unknown; meta?: unknown };
  const text = `${String(e.message ?? "")} ${JSON.stringify(e.meta ?? {})}`;
  return (e.code === "P2002" || /23505|unique constraint/i.test(text)) && /email/i.test(text);
}
