import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { expectAppError } from "../testing/index.ts";
import { createReturn } from "../returns/index.ts";
import { fulfilledOrder, returnsWorld, testContext } from "../returns/testing.ts";
import { addCustomerAddress, createCustomer, findCustomers, getCustomer, getCustomerHistory, updateCustomer } from "./index.ts";

const db = useTestDatabase();

let n = 0;
const tag = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

describe("customers", () => {
  it("creates a customer, refusing a duplicate e-mail and naming the field", async () => {
    const ctx = testContext(db.prisma);
    const t = tag();
    const created = await createCustomer({ email: ` Ola.${t}@Example.com `, phone: "+48 501 234 567", firstName: "Ola", lastName: "Kowalska" }, ctx);
    expect(created.email).toBe(`ola.${t}@example.com`);
    const error = await expectAppError(
      createCustomer({ email: `OLA.${t}@example.com`, firstName: "Other", lastName: "Person" }, ctx),
      "CONFLICT",
      /^email: Another customer already uses/,
    );
    expect(error.details.fields).toEqual([{ path: ["email"], message: "Already used by another customer" }]);
    await expectAppError(createCustomer({ email: "not-an-email", firstName: "A", lastName: "B" }, ctx), "VALIDATION_FAILED", /^email: /);
    await expectAppError(createCustomer({ phone: "12", firstName: "A", lastName: "B" }, ctx), "VALIDATION_FAILED", /^phone: A phone number has 6 to 15 digits/);
    await expectAppError(createCustomer({ firstName: "A", lastName: "B" }, ctx), "VALIDATION_FAILED", /e-mail address or a phone number/);

    const other = await createCustomer({ email: `other.${t}@example.com`, firstName: "Other", lastName: "Person" }, ctx);
    await expectAppError(updateCustomer({ customerId: other.id, email: `ola.${t}@example.com` }, ctx), "CONFLICT", /email/);
    const updated = await updateCustomer({ customerId: other.id, lastName: "Changed", phone: "600-700-800" }, ctx);
    expect(updated).toMatchObject({ lastName: "Changed", phone: "600-700-800", email: `other.${t}@example.com` });
  });

  it("finds customers by e-mail (any case), phone digits and name prefix", async () => {
    const ctx = testContext(db.prisma);
    const t = tag();
    const anna = await createCustomer({ email: `anna.${t}@example.com`, phone: "+48 600 111 2" + t.length, firstName: "Anna", lastName: `Zielinska${t}` }, ctx);
    const digits = `48600111 2${t.length}`.replace(/\D/g, "");
    expect((await findCustomers({ query: `ANNA.${t}@EXAMPLE.COM` }, ctx)).map((c) => c.id)).toEqual([anna.id]);
    expect(await findCustomers({ query: `anna.${t}@example.co` }, ctx)).toEqual([]);
    expect((await findCustomers({ query: `+${digits}` }, ctx)).map((c) => c.id)).toContain(anna.id);
    expect((await findCustomers({ query: `${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}` }, ctx)).map((c) => c.id)).toContain(anna.id);
    // The national number without the country code.
    expect((await findCustomers({ query: digits.slice(2) }, ctx)).map((c) => c.id)).toContain(anna.id);
    expect((await findCustomers({ query: "600 999 999 999" }, ctx)).map((c) => c.id)).not.toContain(anna.id);
    expect((await findCustomers({ query: `zielinska${t}` }, ctx)).map((c) => c.id)).toEqual([anna.id]);
    expect((await findCustomers({ query: `ann zielinska${t.slice(0, 3)}` }, ctx)).map((c) => c.id)).toContain(anna.id);
    expect((await findCustomers({ query: `nna zielinska${t}` }, ctx)).map((c) => c.id)).not.toContain(anna.id);
  });

  it("returns a customer with addresses, the default first", async () => {
    const ctx = testContext(db.prisma);
    const c = await createCustomer({ email: `addr.${tag()}@example.com`, firstName: "Jan", lastName: "Nowak" }, ctx);
    const home = await addCustomerAddress({ customerId: c.id, name: "Jan Nowak", line1: "Prosta 1", city: "Warszawa", postalCode: "00-001", countryCode: "pl" }, ctx);
    expect(home).toMatchObject({ isDefault: true, countryCode: "PL" });
    const work = await addCustomerAddress({ customerId: c.id, label: "Work", name: "Jan Nowak", line1: "Krzywa 2", city: "Kraków", postalCode: "30-001", countryCode: "PL", isDefault: true }, ctx);
    const detail = await getCustomer({ customerId: c.id }, ctx);
    expect(detail.addresses.map((a) => [a.id, a.isDefault])).toEqual([
      [work.id, true],
      [home.id, false],
    ]);
    await expectAppError(getCustomer({ customerId: "0190f1b2-0000-7000-8000-000000000000" }, ctx), "NOT_FOUND", /customerId/);
  });

  it("history lists orders and returns; lifetime value per currency subtracts succeeded refunds", async () => {
    const w = await returnsWorld(db.prisma);
    const v = w.variants[0]!.id;
    const ctx = testContext(db.prisma);
    const a = await fulfilledOrder(db.prisma, w, { channel: "POS", lines: [{ variantId: v, quantity: 3, total: 1000 }], placedAt: new Date("2026-11-01T10:00:00Z") });
    const b = await fulfilledOrder(db.prisma, w, { channel: "WEB", lines: [{ variantId: v, quantity: 1, total: 9000 }], placedAt: new Date("2026-11-02T10:00:00Z") });
    const cancelled = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: v, quantity: 1, total: 5000 }], status: "CANCELLED" });
    await db.prisma.refund.create({ data: { orderId: cancelled.id, method: "ORIGINAL_PAYMENT", status: "SUCCEEDED", currency: "PLN", amount: 5000 } });
    await fulfilledOrder(db.prisma, w, { lines: [{ variantId: v, quantity: 1, total: 2000 }], currency: "EUR" });
    // Someone else's order never counts.
    await fulfilledOrder(db.prisma, w, { lines: [{ variantId: v, quantity: 1, total: 7777 }], customerId: null });

    const cash = await createReturn({ orderId: a.id, locationId: w.warsaw.id, refundMethod: "CASH", lines: [{ orderLineId: a.lines[0]!.id, quantity: 1, reason: "OTHER", condition: "SELLABLE" }] }, ctx);
    // Pending (not yet executed) refunds do not lower the value yet.
    await createReturn({ orderId: b.id, locationId: w.warsaw.id, refundMethod: "ORIGINAL_PAYMENT", lines: [{ orderLineId: b.lines[0]!.id, quantity: 1, reason: "OTHER", condition: "SELLABLE" }] }, ctx);

    const history = await getCustomerHistory({ customerId: w.customer.id }, ctx);
    expect(history.customer.id).toBe(w.customer.id);
    expect(history.orders).toHaveLength(4);
    expect(history.orders.find((o) => o.id === a.id)).toMatchObject({ number: a.number, channel: "POS", status: "PARTIALLY_RETURNED", total: 1000, currency: "PLN" });
    expect(history.returns.map((r) => r.id)).toContain(cash.id);
    expect(history.returns.find((r) => r.id === cash.id)).toMatchObject({ orderNumber: a.number, refundTotal: 334, refundMethod: "CASH" });
    expect(history.lifetimeValue).toEqual([
      { currency: "EUR", amount: 2000, orders: 1 },
      { currency: "PLN", amount: 1000 + 9000 - 334, orders: 2 },
    ]);
  });
});
