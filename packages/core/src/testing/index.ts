export * from "./factories.ts";
export * from "../orders/testing.ts";
