import { AppError } from "@oms/contracts";
import type { z } from "zod";

/**
 * Validates a domain function's input with its contracts schema. Routers parse too; this
 * keeps the domain safe when it is called from scripts, jobs and other modules.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: issue.message,
  }));
  const first = fields[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  throw new AppError("VALIDATION_FAILED", `${where}${first?.message ?? "The input is not valid."}`, { fields });
}
