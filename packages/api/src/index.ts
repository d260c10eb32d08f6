export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createTrpcContext, domainContext, type TrpcContext, type CreateTrpcContextOptions } from "./context.ts";
export {
  authedProcedure,
  createCallerFactory,
  locationProcedure,
  locationRoleProcedure,
  middleware,
  publicProcedure,
  roleProcedure,
  router,
  type ApiErrorData,
} from "./trpc.ts";
export { trpcCodeOf } from "./errors.ts";
export { handleTrpcRequest, type HandleTrpcRequestOptions } from "./handler.ts";
export {
  handleRestRequest,
  buildOpenApiDocument,
  startWebhookWorker,
  runWebhookWorkerOnce,
  trackOrder,
  createRateLimiter,
  REST_PREFIX,
  PROBLEM_BASE,
  type HandleRestOptions,
  type RateLimiter,
  type TrackResult,
} from "./rest/index.ts";
export { handleStripeWebhook, type HandleStripeWebhookOptions } from "./stripe-webhook.ts";
export { startServerJobs, startJobRunner, defaultJobs, readJobsEnv, DEFAULT_JOB_NAMES, JOBS_LEADER_LOCK_KEY, type Job, type JobContext, type JobRunner, type JobStats } from "./jobs/index.ts";
export {
  handleCarrierWebhook,
  issueReturnLabel,
  startReturnWithLabel,
  returnLabelDocument,
  returnLabelPdf,
  processCarriers,
  requestReturnFromTracking,
  type HandleCarrierWebhookOptions,
  type TrackingReturnResult,
} from "./tracking/index.ts";
