export * from "./world.ts";
export * from "./fake-stripe-server.ts";
