export * from "./factories.ts";
