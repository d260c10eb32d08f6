export * from "./errors.ts";
export * from "./money.ts";
export * from "./enums.ts";
export * from "./ids.ts";
export * from "./session.ts";
export * from "./locations.ts";
export * from "./auth.ts";
export * from "./routing.ts";
