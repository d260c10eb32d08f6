export { handleRestRequest, REST_PREFIX, type HandleRestOptions } from "./handler.ts";
export { buildOpenApiDocument } from "./openapi.ts";
export { createRateLimiter, type RateLimiter } from "./rate-limit.ts";
export { PROBLEM_BASE } from "./problem.ts";
export { startWebhookWorker, runWebhookWorkerOnce } from "./webhook-worker.ts";
export { trackOrder, type TrackResult } from "./track.ts";
