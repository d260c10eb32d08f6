import { healthRouter } from "./routers/health.ts";
import { locationsRouter } from "./routers/locations.ts";
import { sessionRouter } from "./routers/session.ts";
import { staffRouter } from "./routers/staff.ts";
import { createCallerFactory, router } from "./trpc.ts";

// Every procedure added here needs an entry in authorization.db.test.ts (the test fails
// until it has one).
export const appRouter = router({
  health: healthRouter,
  session: sessionRouter,
  locations: locationsRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls without HTTP (server components, tests): `createCaller(ctx).locations.list()`. */
export const createCaller = createCallerFactory(appRouter);
