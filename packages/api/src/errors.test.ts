import { appErrorCodes, appErrorStatus } from "@oms/contracts";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { fieldIssuesOf, trpcCodeOf, validationMessage } from "./errors.ts";

describe("AppError → tRPC code", () => {
  it("maps every AppError code", () => {
    expect(Object.keys(trpcCodeOf).sort()).toEqual([...appErrorCodes].sort());
  });

  it("answers with the REST status except where tRPC has no such code", () => {
    // VALIDATION_FAILED: 400 like tRPC's own input errors (REST: 422); ACCOUNT_LOCKED: 403 (REST: 423).
    const differs = new Set(["VALIDATION_FAILED", "ACCOUNT_LOCKED"]);
    for (const code of appErrorCodes) {
      const status = getHTTPStatusCodeFromError(new TRPCError({ code: trpcCodeOf[code] }));
      if (!differs.has(code)) expect(status, code).toBe(appErrorStatus[code]);
    }
  });
});

describe("field issues", () => {
  it("reads zod-like and Standard Schema issues, and names the first path in the message", () => {
    const fields = fieldIssuesOf({ issues: [{ path: ["lines", 0, "quantity"], message: "Too small" }, { path: [{ key: "note" }], message: "Too long" }] });
    expect(fields).toEqual([
      { path: ["lines", 0, "quantity"], message: "Too small" },
      { path: ["note"], message: "Too long" },
    ]);
    expect(validationMessage(fields!)).toBe("lines.0.quantity: Too small (and 1 more problem)");
    expect(fieldIssuesOf(new Error("x"))).toBeNull();
  });
});
