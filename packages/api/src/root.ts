import { healthRouter } from "./routers/health.ts";
import { locationsRouter } from "./routers/locations.ts";
import { sessionRouter } from "./routers/session.ts";
import { staffRouter } from "./routers/staff.ts";
import { apiKeysRouter } from "./routers/api-keys.ts";
import { webhooksRouter } from "./routers/webhooks.ts";
import { liveRouter } from "./routers/live.ts";
import { cycleCountsRouter } from "./routers/cycle-counts.ts";
import { customersRouter } from "./routers/customers.ts";
import { fulfillmentRouter } from "./routers/fulfillment.ts";
import { inventoryRouter } from "./routers/inventory.ts";
import { ordersRouter } from "./routers/orders.ts";
import { returnsRouter } from "./routers/returns.ts";
import { routingRulesRouter } from "./routers/routing-rules.ts";
import { tasksRouter } from "./routers/tasks.ts";
import { paymentsRouter } from "./routers/payments.ts";
import { pickupRouter } from "./routers/pickup.ts";
import { shippingRouter } from "./routers/shipping.ts";
import { registersRouter } from "./routers/registers.ts";
import { posRouter } from "./routers/pos.ts";
import { transfersRouter } from "./routers/transfers.ts";
import { notificationsRouter } from "./routers/notifications.ts";
import { settingsRouter } from "./routers/settings.ts";
import { reportsRouter } from "./routers/reports.ts";
import { auditRouter } from "./routers/audit.ts";
import { forecastRouter } from "./routers/forecast.ts";
import { deliveryRunsRouter } from "./routers/delivery-runs.ts";
import { returnRequestsRouter } from "./routers/return-requests.ts";
import { createCallerFactory, router } from "./trpc.ts";

// Every procedure added here needs an entry in authorization.db.test.ts (the test fails
// until it has one).
export const appRouter = router({
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  live: liveRouter,
  health: healthRouter,
  session: sessionRouter,
  locations: locationsRouter,
  staff: staffRouter,
  inventory: inventoryRouter,
  transfers: transfersRouter,
  cycleCounts: cycleCountsRouter,
  orders: ordersRouter,
  fulfillment: fulfillmentRouter,
  returns: returnsRouter,
  customers: customersRouter,
  tasks: tasksRouter,
  routingRules: routingRulesRouter,
  payments: paymentsRouter,
  pickup: pickupRouter,
  shipping: shippingRouter,
  registers: registersRouter,
  pos: posRouter,
  notifications: notificationsRouter,
  settings: settingsRouter,
  reports: reportsRouter,
  audit: auditRouter,
  forecast: forecastRouter,
  deliveryRuns: deliveryRunsRouter,
  returnRequests: returnRequestsRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls without HTTP (server components, tests): `createCaller(ctx).locations.list()`. */
export const createCaller = createCallerFactory(appRouter);
