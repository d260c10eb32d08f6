import { AppError, type FieldIssue } from "@oms/contracts";

/** Deepest nesting of arrays and objects an input may have; no contract goes past 6. */
export const MAX_INPUT_DEPTH = 32;

/**
 * What no schema says but PostgreSQL and the stack insist on, checked on the raw input of
 * every REST request and tRPC call before its schema: a string with a NUL character
 * cannot be stored in a text column (the database would fail the whole request), and
 * nesting deeper than MAX_INPUT_DEPTH would overflow everything that walks it. Throws
 * VALIDATION_FAILED naming the fields. Walks without recursion.
 */
export function assertStorableInput(value: unknown): void {
  const fields: FieldIssue[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && fields.length < 10) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\u0000")) fields.push({ path, message: "Must not contain the NUL character (\\u0000)" });
    } else if (v && typeof v === "object") {
      if (path.length >= MAX_INPUT_DEPTH) {
        fields.push({ path, message: `Nested too deeply (more than ${MAX_INPUT_DEPTH} levels)` });
        continue;
      }
      if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
      else if (!(v instanceof Date)) for (const [k, item] of Object.entries(v)) stack.push({ value: item, path: [...path, k] });
    }
  }
  if (fields.length === 0) return;
  const first = fields[0]!;
  throw new AppError("VALIDATION_FAILED", `${first.path.length ? `${first.path.join(".")}: ` : ""}${first.message}`, { fields });
}
