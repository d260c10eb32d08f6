import * as contracts from "@oms/contracts";
import { describe, expect, test } from "vitest";
import * as prismaEnums from "./generated/prisma/enums.ts";

// The zod enums in @oms/contracts are hand-written mirrors of the Prisma enums (contracts
// must stay browser-safe and cannot import the Prisma client). This keeps them equal.
const mirrored = [
  "LocationKind",
  "FulfillmentType",
  "Role",
  "Channel",
  "TaxCategory",
  "OrderStatus",
  "PaymentStatus",
  "FulfillmentStatus",
  "TaskStatus",
] as const;

describe("enum mirrors in @oms/contracts", () => {
  test.each(mirrored)("%s has the same values as the Prisma enum", (name) => {
    const zodEnum = (contracts as unknown as Record<string, { options: readonly string[] }>)[name];
    const prismaEnum = (prismaEnums as unknown as Record<string, Record<string, string>>)[name];
    expect(zodEnum, `@oms/contracts does not export ${name}`).toBeDefined();
    expect(prismaEnum, `the Prisma schema has no enum ${name}`).toBeDefined();
    expect([...zodEnum!.options].sort()).toEqual(Object.values(prismaEnum!).sort());
  });
});
