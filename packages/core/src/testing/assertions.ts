import { AppError, type AppErrorCode } from "@oms/contracts";
import { expect } from "vitest";

/** Awaits `promise`, expects it to fail with an AppError of `code` (and `message`), returns it. */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode | string, message?: RegExp): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(AppError.isAppError(error), `expected AppError ${code}, got ${String(error)}`).toBe(true);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
  return error as AppError;
}
