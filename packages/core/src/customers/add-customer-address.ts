import { AddCustomerAddressInput, type CustomerAddressResult } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { findCustomerOrThrow, toAddressResult } from "./customer-rows.ts";

/** Adds an address; the first one, or one marked default, becomes the only default. */
export async function addCustomerAddress(rawInput: AddCustomerAddressInput, ctx: DomainContext): Promise<CustomerAddressResult> {
  const { customerId, ...address } = parseInput(AddCustomerAddressInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    await findCustomerOrThrow(tx, customerId);
    const existing = await tx.customerAddress.count({ where: { customerId } });
    const isDefault = address.isDefault || existing === 0;
    if (isDefault) await tx.customerAddress.updateMany({ where: { customerId, isDefault: true }, data: { isDefault: false } });
    const row = await tx.customerAddress.create({ data: { ...address, customerId, isDefault } });
    return toAddressResult(row);
  });
}
