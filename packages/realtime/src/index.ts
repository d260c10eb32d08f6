// Server side of live updates: the outbox dispatcher, socket.io wiring, the Redis adapter,
// the live.since query. Browser code imports "@oms/realtime/client" instead.
export * from "./client/index.ts";
export { startRealtime, roomsForEvent, type Realtime, type StartRealtimeOptions } from "./start.ts";
export { startDispatcher, numberEvents, pruneOutbox, toLiveEvent, LEADER_LOCK_KEY, type Dispatcher, type DispatcherOptions } from "./dispatcher.ts";
export { eventsSince, LiveSinceInput, type LiveSinceResult } from "./since.ts";
export { canSeeStream, canWatchOrder, roomsFor, streamsFor } from "./rooms.ts";
export { checkOrigin, type OriginPolicy } from "./origin.ts";
export { authenticateCookie, parseCookies, sessionTokenFrom, sessionUserFromCookieHeader } from "./session-auth.ts";
export { attachRedisAdapter, type RedisFanout } from "./redis.ts";
export { readRealtimeEnv, type RealtimeEnv } from "./env.ts";
