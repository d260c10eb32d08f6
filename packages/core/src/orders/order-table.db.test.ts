import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { expectAppError } from "../testing/index.ts";
import { createOrder, csvCell, decimalAmount, exportOrdersCsv, listOrderTable, sweepLateOrders } from "./index.ts";
import { orderContext, orderWorld, webShipOrder, type OrderWorld } from "./testing.ts";

const db = useTestDatabase();

/** Three orders fulfilled by Krakow: Anna (web, 1 Jan, 2 units), Zofia (web, 5 Jan, 1), Marek (phone, 6 Jan, 3). */
async function threeOrders(w: OrderWorld) {
  const at = (day: number) => orderContext(db.prisma, new Date(Date.UTC(2026, 0, day, 10)));
  const anna = await createOrder(webShipOrder(w), at(1));
  const zofia = await createOrder(
    webShipOrder(w, { customer: { name: "Zofia Zielinska", email: `zofia-${w.tag}@example.com`, phone: "+48 600 100 201" }, lines: [{ variantId: w.variants[0]!.id, quantity: 1 }] }),
    at(5),
  );
  const marek = await createOrder(
    webShipOrder(w, {
      channel: "PHONE",
      customer: { name: "Marek Maj", email: `marek-${w.tag}@example.com`, phone: "+48 600 100 202" },
      lines: [{ variantId: w.variants[1]!.id, quantity: 3 }],
      payment: { status: "PAID" },
    }),
    at(6),
  );
  return { anna, zofia, marek };
}

describe("listOrderTable", () => {
  it("filters, sorts and pages with the total, late orders and text search included", async () => {
    const w = await orderWorld(db.prisma);
    const { anna, zofia, marek } = await threeOrders(w);
    // Shipping promise: 2 days. On 4 Jan only Anna's order (promised 3 Jan) is late.
    await sweepLateOrders(orderContext(db.prisma, new Date(Date.UTC(2026, 0, 4, 10))));
    const ctx = orderContext(db.prisma);
    const mine = { locationId: w.krakow.id };
    const ids = (page: { items: { id: string }[] }) => page.items.map((o) => o.id);

    const first = await listOrderTable({ ...mine, pageSize: 2 }, ctx);
    expect(first.total).toBe(3);
    expect(ids(first)).toEqual([marek.id, zofia.id]);
    const second = await listOrderTable({ ...mine, pageSize: 2, page: 1 }, ctx);
    expect(second).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(ids(second)).toEqual([anna.id]);

    const row = first.items.find((o) => o.id === marek.id)!;
    expect(row).toMatchObject({ channel: "PHONE", customerName: "Marek Maj", units: 3, total: 30_000, currency: "PLN", origin: null, openTasks: 1, isLate: false });
    expect(row.fulfilledBy).toEqual([{ id: w.krakow.id, code: w.krakow.code, name: w.krakow.name }]);

    expect(ids(await listOrderTable({ ...mine, sort: { field: "total", desc: false } }, ctx))).toEqual([zofia.id, anna.id, marek.id]);
    expect(ids(await listOrderTable({ ...mine, sort: { field: "customer", desc: false } }, ctx))).toEqual([anna.id, marek.id, zofia.id]);
    expect(ids(await listOrderTable({ ...mine, sort: { field: "number", desc: true } }, ctx))).toEqual(
      [anna, zofia, marek].sort((a, b) => (a.number < b.number ? 1 : -1)).map((o) => o.id),
    );
    // Channels sort in the enum's order (POS, WEB, ..., PHONE); equal ones by id (creation).
    expect(ids(await listOrderTable({ ...mine, sort: { field: "channel", desc: false } }, ctx))).toEqual([anna.id, zofia.id, marek.id]);

    const late = await listOrderTable({ ...mine, late: true }, ctx);
    expect(ids(late)).toEqual([anna.id]);
    expect(late.items[0]!.isLate).toBe(true);
    expect((await listOrderTable({ ...mine, late: false }, ctx)).total).toBe(2);

    expect(ids(await listOrderTable({ ...mine, channel: ["PHONE"] }, ctx))).toEqual([marek.id]);
    expect(ids(await listOrderTable({ ...mine, status: ["ALLOCATED"], channel: ["WEB"] }, ctx))).toEqual([zofia.id, anna.id]);
    expect(ids(await listOrderTable({ ...mine, from: new Date(Date.UTC(2026, 0, 2)), to: new Date(Date.UTC(2026, 0, 5, 23)) }, ctx))).toEqual([zofia.id]);
    expect(ids(await listOrderTable({ ...mine, customerId: zofia.customerId! }, ctx))).toEqual([zofia.id]);

    // Text search: order number (start), e-mail and customer name (contains, any case).
    expect(ids(await listOrderTable({ search: marek.number }, ctx))).toEqual([marek.id]);
    expect(ids(await listOrderTable({ search: `ZOFIA-${w.tag}` }, ctx))).toEqual([zofia.id]);
    expect(ids(await listOrderTable({ ...mine, search: "marek maj" }, ctx))).toEqual([marek.id]);
    expect((await listOrderTable({ ...mine, search: "nobody at all" }, ctx)).total).toBe(0);

    // Another store sees none of them.
    expect((await listOrderTable({ locationId: w.warsaw.id }, ctx)).total).toBe(0);
  });

  it("refuses a date range that ends before it starts, naming the field", async () => {
    await expectAppError(listOrderTable({ from: new Date(Date.UTC(2026, 0, 5)), to: new Date(Date.UTC(2026, 0, 1)) }, orderContext(db.prisma)), "VALIDATION_FAILED", /^to: The end date/);
  });
});

describe("exportOrdersCsv", () => {
  it("exports the filtered set in the table's order, in chunks, and says when it was cut", async () => {
    const w = await orderWorld(db.prisma);
    const { anna, zofia, marek } = await threeOrders(w);
    const ctx = orderContext(db.prisma);

    const web = await exportOrdersCsv({ locationId: w.krakow.id, channel: ["WEB"], sort: { field: "placedAt", desc: false } }, ctx, { chunk: 1 });
    expect(web).toMatchObject({ rows: 2, truncated: false });
    const lines = web.csv.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(
      "Number,Placed at (UTC),Channel,Channel order id,Status,Payment,Customer,E-mail,Rung up at,Fulfilled by,Units,Currency,Total,Late,Promised by (UTC),Open tasks",
    );
    expect(lines[1]).toBe(
      [anna.number, "2026-01-01T10:00:00.000Z", "WEB", "", "ALLOCATED", "PAID", "Anna Nowak", anna.email, "", `${w.krakow.code} Krakow`, "2", "PLN", "200.00", "no", "2026-01-03T10:00:00.000Z", "1"].join(","),
    );
    expect(lines[2]).toContain(`${zofia.number},2026-01-05T10:00:00.000Z,WEB`);
    expect(web.csv).not.toContain(marek.number);

    const cut = await exportOrdersCsv({ locationId: w.krakow.id }, ctx, { maxRows: 2, chunk: 2 });
    expect(cut).toMatchObject({ rows: 2, truncated: true });
    expect(cut.csv.split("\r\n").slice(1, 3).map((l) => l.split(",")[0])).toEqual([marek.number, zofia.number]);
    expect(await exportOrdersCsv({ locationId: w.krakow.id }, ctx, { maxRows: 3, chunk: 2 })).toMatchObject({ rows: 3, truncated: false });
  });

  it("quotes cells and defuses spreadsheet formulas", () => {
    expect(csvCell('Kowalski, "Jan"')).toBe('"Kowalski, ""Jan"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(decimalAmount(123_450, "PLN")).toBe("1234.50");
    expect(decimalAmount(-5, "EUR")).toBe("-0.05");
    expect(decimalAmount(1500, "JPY")).toBe("1500");
    expect(decimalAmount(1, "KWD")).toBe("0.001");
  });
});
