export * from "./client.ts";
export * from "./env.ts";
export * from "./generated/prisma/client.ts";
export { Prisma } from "./generated/prisma/client.ts";
