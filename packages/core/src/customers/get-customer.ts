import { GetCustomerInput, type CustomerDetail } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { findCustomerOrThrow, toAddressResult } from "./customer-rows.ts";

/** A customer with their addresses, the default first. */
export async function getCustomer(rawInput: GetCustomerInput, ctx: DomainContext): Promise<CustomerDetail> {
  const { customerId } = parseInput(GetCustomerInput, rawInput);
  const customer = await findCustomerOrThrow(ctx.db, customerId);
  const addresses = await ctx.db.customerAddress.findMany({ where: { customerId }, orderBy: [{ isDefault: "desc" }, { id: "asc" }] });
  return { ...customer, addresses: addresses.map(toAddressResult) };
}
