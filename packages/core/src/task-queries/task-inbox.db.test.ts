import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { createOrder } from "../orders/index.ts";
import { orderContext, orderWorld, webShipOrder } from "../orders/testing.ts";
import { exportTaskInboxCsv, listTaskInbox } from "./index.ts";

const db = useTestDatabase();

describe("listTaskInbox", () => {
  it("filters by location, role, kind, status and age; sorts; pages with the total", async () => {
    const w = await orderWorld(db.prisma);
    const now = new Date("2026-11-23T12:00:00Z");
    const ctx = orderContext(db.prisma, now);
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const task = (title: string, data: { locationId: string | null; assigneeRole: "ADMIN" | "MANAGER" | "ASSOCIATE"; kind: "GENERAL" | "PAYMENT"; age: number; status?: "DONE"; dueIn?: number }) =>
      db.prisma.task.create({
        data: {
          title: `${title} ${w.tag}`,
          instruction: title,
          kind: data.kind,
          assigneeRole: data.assigneeRole,
          locationId: data.locationId,
          status: data.status ?? "OPEN",
          createdAt: hoursAgo(data.age),
          dueAt: data.dueIn === undefined ? null : new Date(now.getTime() + data.dueIn * 3_600_000),
        },
      });
    const shelf = await task("Tidy the shelf", { locationId: w.warsaw.id, assigneeRole: "ASSOCIATE", kind: "GENERAL", age: 30, dueIn: 5 });
    const payment = await task("Chase the payment", { locationId: w.krakow.id, assigneeRole: "MANAGER", kind: "PAYMENT", age: 2, dueIn: 1 });
    const hq = await task("Call the supplier", { locationId: null, assigneeRole: "ADMIN", kind: "GENERAL", age: 50 });
    const done = await task("Count the till", { locationId: w.warsaw.id, assigneeRole: "MANAGER", kind: "GENERAL", age: 80, status: "DONE" });
    const mine = { search: w.tag };
    const ids = (page: { items: { id: string }[] }) => page.items.map((t) => t.id);

    // Open tasks, oldest first.
    const all = await listTaskInbox(mine, ctx);
    expect(ids(all)).toEqual([hq.id, shelf.id, payment.id]);
    expect(all.total).toBe(3);
    expect(all.items[1]!.location).toEqual({ id: w.warsaw.id, code: w.warsaw.code, name: w.warsaw.name });

    expect(ids(await listTaskInbox({ ...mine, locationId: w.warsaw.id }, ctx))).toEqual([shelf.id]);
    expect(ids(await listTaskInbox({ ...mine, locationId: "HQ" }, ctx))).toEqual([hq.id]);
    expect(ids(await listTaskInbox({ ...mine, assigneeRole: ["MANAGER"] }, ctx))).toEqual([payment.id]);
    expect(ids(await listTaskInbox({ ...mine, kind: ["PAYMENT"] }, ctx))).toEqual([payment.id]);
    expect(ids(await listTaskInbox({ ...mine, olderThanHours: 24 }, ctx))).toEqual([hq.id, shelf.id]);
    expect(ids(await listTaskInbox({ ...mine, olderThanHours: 48 }, ctx))).toEqual([hq.id]);
    expect(ids(await listTaskInbox({ ...mine, status: ["DONE"] }, ctx))).toEqual([done.id]);

    // Due first (no due date last), newest first, by location name (Krakow < Warsaw; no location last).
    expect(ids(await listTaskInbox({ ...mine, sort: { field: "dueAt", desc: false } }, ctx))).toEqual([payment.id, shelf.id, hq.id]);
    expect(ids(await listTaskInbox({ ...mine, sort: { field: "createdAt", desc: true } }, ctx))).toEqual([payment.id, shelf.id, hq.id]);
    expect(ids(await listTaskInbox({ ...mine, sort: { field: "location", desc: false } }, ctx)).slice(0, 2)).toEqual([payment.id, shelf.id]);

    const page2 = await listTaskInbox({ ...mine, pageSize: 2, page: 1 }, ctx);
    expect(page2).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(ids(page2)).toEqual([payment.id]);

    // The CSV: the same filter and order, every row, with the age in hours at export time.
    const file = await exportTaskInboxCsv({ ...mine, sort: { field: "dueAt", desc: false } }, ctx);
    expect(file).toMatchObject({ rows: 3, truncated: false });
    const lines = file.csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Created (UTC),Waiting (hours),Due (UTC),Kind,Status,Title,Instruction,Location code,Location,For role,Order,Order late,Resolution,Resolved (UTC)");
    expect(lines.slice(1).map((l) => l.split(",")[5])).toEqual([payment.title, shelf.title, hq.title]);
    expect(lines[1]!.split(",").slice(0, 5)).toEqual(["2026-11-23T10:00:00.000Z", "2", "2026-11-23T13:00:00.000Z", "PAYMENT", "OPEN"]);
    expect(lines[3]!.split(",").slice(7, 10)).toEqual(["HQ", "Head office", "ADMIN"]);
    expect((await exportTaskInboxCsv({ ...mine, locationId: w.warsaw.id }, ctx)).rows).toBe(1);
  });

  it("finds an order's tasks by the order number and shows the order", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w), ctx);
    const page = await listTaskInbox({ search: order.number }, ctx);
    expect(page.items).toEqual([
      expect.objectContaining({ kind: "PICK", orderId: order.id, order: expect.objectContaining({ number: order.number, isLate: false, customerName: "Anna Nowak" }) }),
    ]);
  });
});
