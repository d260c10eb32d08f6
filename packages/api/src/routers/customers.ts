import { AddCustomerAddressInput, CreateCustomerInput, FindCustomersInput, GetCustomerInput, UpdateCustomerInput } from "@oms/contracts";
import { addCustomerAddress, createCustomer, findCustomers, getCustomer, getCustomerHistory, updateCustomer } from "@oms/core";
import { domainContext } from "../context.ts";
import { roleProcedure, router } from "../trpc.ts";

/** Customers are shared by the whole network: HQ and the people at the till. */
const serving = roleProcedure(["ADMIN", "MANAGER", "CASHIER"]);

export const customersRouter = router({
  find: serving.input(FindCustomersInput).query(({ ctx, input }) => findCustomers(input, domainContext(ctx))),
  get: serving.input(GetCustomerInput).query(({ ctx, input }) => getCustomer(input, domainContext(ctx))),
  history: serving.input(GetCustomerInput).query(({ ctx, input }) => getCustomerHistory(input, domainContext(ctx))),
  create: serving.input(CreateCustomerInput).mutation(({ ctx, input }) => createCustomer(input, domainContext(ctx))),
  update: serving.input(UpdateCustomerInput).mutation(({ ctx, input }) => updateCustomer(input, domainContext(ctx))),
  addAddress: serving.input(AddCustomerAddressInput).mutation(({ ctx, input }) => addCustomerAddress(input, domainContext(ctx))),
});
