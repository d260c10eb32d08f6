import { healthRouter } from "./routers/health.ts";
import { locationsRouter } from "./routers/locations.ts";
import { sessionRouter } from "./routers/session.ts";
import { staffRouter } from "./routers/staff.ts";
import { apiKeysRouter } from "./routers/api-keys.ts";
import { webhooksRouter } from "./routers/webhooks.ts";
import { createCallerFactory, router } from "./trpc.ts";

// Every procedure added here needs an entry in authorization.db.test.ts (the test fails
// until it has one).
export const appRouter = router({
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  health: healthRouter,
  session: sessionRouter,
  locations: locationsRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls without HTTP (server components, tests): `createCaller(ctx).locations.list()`. */
export const createCaller = createCallerFactory(appRouter);
