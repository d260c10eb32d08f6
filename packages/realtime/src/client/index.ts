// Browser-safe part of @oms/realtime (contracts, zod and socket.io-client only).
export * from "./protocol.ts";
export { StreamTracker, type TrackerState, type Verdict } from "./tracker.ts";
export { createLiveClient, type LiveClient, type LiveClientOptions, type LiveStatus } from "./live-client.ts";
