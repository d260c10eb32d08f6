export { findCustomers } from "./find-customers.ts";
export { getCustomer } from "./get-customer.ts";
export { getCustomerHistory } from "./get-customer-history.ts";
export { createCustomer } from "./create-customer.ts";
export { updateCustomer } from "./update-customer.ts";
export { addCustomerAddress } from "./add-customer-address.ts";
