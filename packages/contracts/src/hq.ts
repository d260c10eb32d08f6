import { z } from "zod";
import { Channel, OrderStatus, Role, TaskStatus } from "./enums.ts";

// Inputs of the HQ tables (orders across the network, the task inbox): filters, one sort
// column and offset paging with a total, as a table with page numbers needs.

const id = (what: string) => z.uuid({ message: `Choose ${what}` });
const page = z.number().int().min(0).max(10_000).default(0);
const pageSize = z.number().int().min(1).max(200).default(25);

/** Every kind of task (TaskKindInput is the subset a person may create by hand). */
export const TaskKindAny = z.enum([
  "VALIDATION",
  "PICK",
  "LATE_PICKUP",
  "LATE_SHIPMENT",
  "PROMISE_MISSED",
  "UNCLAIMED_PICKUP",
  "REPLENISHMENT",
  "PAYMENT",
  "DISPUTE",
  "SHORT_PICK",
  "GENERAL",
]);
export type TaskKindAny = z.infer<typeof TaskKindAny>;

export const OrderSortField = z.enum(["placedAt", "number", "channel", "status", "customer", "total", "promisedAt"]);
export type OrderSortField = z.infer<typeof OrderSortField>;

const orderFilterShape = {
  status: z.array(OrderStatus).max(20).optional(),
  channel: z.array(Channel).max(5).optional(),
  /** Orders rung up at, or fulfilled by, this location. */
  locationId: id("a location").optional(),
  /** Orders of this customer record. */
  customerId: id("a customer").optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** true: only orders past their promise (Order.isLate, set by the SLA sweep). */
  late: z.boolean().optional(),
  /** Order number or channel order id (start), customer name or e-mail (contains). */
  search: z.string().trim().min(1).max(200).optional(),
  sort: z.object({ field: OrderSortField, desc: z.boolean() }).default({ field: "placedAt", desc: true }),
};
const datesInOrder = (i: { from?: Date; to?: Date }) => !i.from || !i.to || i.from <= i.to;
const datesMessage = { path: ["to"], message: "The end date must be after the start date" };

export const OrderTableInput = z.object({ ...orderFilterShape, page, pageSize }).refine(datesInOrder, datesMessage);
export type OrderTableInput = z.input<typeof OrderTableInput>;

/** The same filters and order as the table, every matching row (up to the export limit). */
export const OrderExportInput = z.object(orderFilterShape).refine(datesInOrder, datesMessage);
export type OrderExportInput = z.input<typeof OrderExportInput>;

export const RerouteOrderInput = z.object({
  orderId: id("the order"),
  /** Why, for the timeline and the routing trace. */
  reason: z.string().trim().max(500).optional(),
});
export type RerouteOrderInput = z.input<typeof RerouteOrderInput>;

export const TaskSortField = z.enum(["createdAt", "dueAt", "kind", "location", "assigneeRole"]);
export type TaskSortField = z.infer<typeof TaskSortField>;

export const TaskInboxInput = z.object({
  /** One location's tasks; "HQ" for tasks that belong to no location. Omitted: all the caller may see. */
  locationId: z.union([id("a location"), z.literal("HQ")]).optional(),
  assigneeRole: z.array(Role).max(4).optional(),
  kind: z.array(TaskKindAny).max(11).optional(),
  status: z.array(TaskStatus).min(1).max(4).default(["OPEN", "IN_PROGRESS"]),
  /** Only tasks created at least this many hours ago. */
  olderThanHours: z.number().int().min(1).max(24 * 365).optional(),
  /** Task title or order number (contains). */
  search: z.string().trim().min(1).max(200).optional(),
  sort: z.object({ field: TaskSortField, desc: z.boolean() }).default({ field: "createdAt", desc: false }),
  page,
  pageSize,
});
export type TaskInboxInput = z.input<typeof TaskInboxInput>;
