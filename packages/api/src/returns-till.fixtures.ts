// Authorization-table entries of the till's returns procedures (see authorization.fixtures.ts):
// returns and exchanges at the caller's store, the order lookup, store credit by code.
import { randomInt } from "node:crypto";
import type { DomainAccess, DomainFixtures } from "./authorization.fixtures.ts";

type Role = DomainAccess["roles"][number];

export function returnsTillAccessTable(fx: () => DomainFixtures): Record<string, DomainAccess> {
  const counter: readonly Role[] = ["ADMIN", "MANAGER", "CASHIER"];
  const scoped = (input: DomainAccess["input"]): DomainAccess => ({ public: false, roles: counter, locationScoped: true, input });
  const anywhere = (input: DomainAccess["input"]): DomainAccess => ({ public: false, roles: counter, locationScoped: false, input });
  const returnLine = (o: { lines: { id: string }[] }) => [{ orderLineId: o.lines[0]!.id, quantity: 1, reason: "CHANGED_MIND", condition: "SELLABLE" }];
  return {
    "returns.tillReturn": scoped(async (_w, l) => {
      const { order } = await fx().fulfillment(l, "PICKED_UP");
      return { orderId: order.id, locationId: l, refundMethod: "STORE_CREDIT", lines: returnLine(order) };
    }),
    "returns.tillExchange": scoped(async (_w, l) => {
      const { order } = await fx().fulfillment(l, "PICKED_UP");
      const other = await fx().variant({ [l]: 2 });
      return { orderId: order.id, locationId: l, refundMethod: "STORE_CREDIT", lines: returnLine(order), newLines: [{ variantId: other.id, quantity: 1 }] };
    }),
    "returns.findOrders": scoped((_w, l) => ({ locationId: l, query: "Ada" })),
    "returns.exchangeItems": scoped((_w, l) => ({ locationId: l, query: "Product" })),
    // Any order, whichever store sold it: goods come back anywhere.
    "returns.tillOrder": anywhere(async (_w, l) => ({ orderId: (await fx().order(l)).id })),
    "returns.storeCredit": anywhere(async () => {
      const part = () => Array.from({ length: 4 }, () => "ABCDEFGHJKMNPQRSTUVWXYZ23456789"[randomInt(31)]).join("");
      const code = `SC-${part()}-${part()}`;
      await fx().prisma.storeCredit.create({ data: { code, currency: "EUR", initial: 500, balance: 500 } });
      return { code };
    }),
  };
}
