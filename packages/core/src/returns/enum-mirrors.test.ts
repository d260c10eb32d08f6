import { ItemCondition, RefundMethod, RefundStatus, ReturnReason, ReturnStatus } from "@oms/contracts";
import { $Enums } from "@oms/db";
import { describe, expect, it } from "vitest";

// The returns enums in @oms/contracts are hand-written mirrors of the Prisma enums.
describe("returns enum mirrors", () => {
  it.each([
    ["ReturnReason", ReturnReason.options, $Enums.ReturnReason],
    ["ItemCondition", ItemCondition.options, $Enums.ItemCondition],
    ["RefundMethod", RefundMethod.options, $Enums.RefundMethod],
    ["ReturnStatus", ReturnStatus.options, $Enums.ReturnStatus],
    ["RefundStatus", RefundStatus.options, $Enums.RefundStatus],
  ] as const)("%s has the schema's values", (_name, mirror, prisma) => {
    expect([...mirror].sort()).toEqual(Object.values(prisma).sort());
  });
});
