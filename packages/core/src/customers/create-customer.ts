import { CreateCustomerInput, type CustomerResult } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertEmailFree, customerSelect, emailTaken, isUniqueEmailViolation } from "./customer-rows.ts";

/** Creates a customer. E-mail addresses are stored in lower case and belong to one customer. */
export async function createCustomer(rawInput: CreateCustomerInput, ctx: DomainContext): Promise<CustomerResult> {
  const input = parseInput(CreateCustomerInput, rawInput);
  await assertEmailFree(ctx.db, input.email);
  try {
    return await ctx.db.customer.create({
      data: {
        email: input.email,
        phone: input.phone,
        firstName: input.firstName,
        lastName: input.lastName,
        marketingOptIn: input.marketingOptIn,
        note: input.note,
        createdAt: ctx.now,
      },
      select: customerSelect,
    });
  } catch (error) {
    // Two people creating the same customer at once: the unique index decides.
    if (input.email && isUniqueEmailViolation(error)) throw emailTaken(input.email);
    throw error;
  }
}
