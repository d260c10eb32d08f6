import { AppError, UpdateCustomerInput, type CustomerResult } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertEmailFree, customerSelect, emailTaken, findCustomerOrThrow, isUniqueEmailViolation } from "./customer-rows.ts";

/** Changes the fields given; `null` clears e-mail, phone or note. */
export async function updateCustomer(rawInput: UpdateCustomerInput, ctx: DomainContext): Promise<CustomerResult> {
  const { customerId, ...changes } = parseInput(UpdateCustomerInput, rawInput);
  const current = await findCustomerOrThrow(ctx.db, customerId);
  const email = changes.email === undefined ? current.email : changes.email;
  const phone = changes.phone === undefined ? current.phone : changes.phone;
  if (!email && !phone) {
    throw new AppError("VALIDATION_FAILED", "email: Keep an e-mail address or a phone number so the customer can be found again.", {
      fields: [{ path: ["email"], message: "An e-mail address or a phone number is needed" }],
    });
  }
  if (changes.email) await assertEmailFree(ctx.db, changes.email, customerId);
  try {
    return await ctx.db.customer.update({ where: { id: customerId }, data: changes, select: customerSelect });
  } catch (error) {
    if (changes.email && isUniqueEmailViolation(error)) throw emailTaken(changes.email);
    throw error;
  }
}
