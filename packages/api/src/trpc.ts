import { AppError, LocationIdInput, type Role, type SessionUser } from "@oms/contracts";
import { assertCanAccessLocation, assertRole, canAccessLocation, type Actor } from "@oms/core";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { TrpcContext } from "./context.ts";
import {
  appCodeFor,
  appErrorFromDatabase,
  fieldIssuesOf,
  internalErrorMessage,
  logUnexpected,
  toTrpcError,
  validationMessage,
} from "./errors.ts";
import type { AppErrorCode, AppErrorDetails, FieldIssue } from "@oms/contracts";
import { assertStorableInput } from "./input-guard.ts";

/** What every error's `data` holds (no `stack`, ever). */
export interface ApiErrorData {
  code: string;
  httpStatus: number;
  path?: string;
  /** The AppError code: the precise reason, for the client to branch on. */
  appCode: AppErrorCode;
  requestId: string | null;
  /** Per-field problems of invalid input. */
  fields?: FieldIssue[];
  details?: AppErrorDetails;
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx, path }): { message: string; code: number; data: ApiErrorData } {
    const requestId = ctx?.requestId ?? null;
    const appCode = appCodeFor(error);
    const base = { code: shape.data.code, httpStatus: shape.data.httpStatus, ...(path ? { path } : {}), appCode, requestId };

    if (AppError.isAppError(error.cause)) {
      const { fields, ...details } = error.cause.details;
      return {
        code: shape.code,
        message: error.cause.message,
        data: { ...base, ...(fields ? { fields } : {}), ...(Object.keys(details).length ? { details } : {}) },
      };
    }
    const fields = error.code === "BAD_REQUEST" ? fieldIssuesOf(error.cause) : null;
    if (fields) return { code: shape.code, message: validationMessage(fields), data: { ...base, fields } };
    if (error.code === "INTERNAL_SERVER_ERROR") {
      logUnexpected(error.cause ?? error, requestId ?? "-", path);
      return { code: shape.code, message: internalErrorMessage(requestId ?? "-"), data: base };
    }
    // Raised by tRPC itself (unknown procedure, wrong method, payload too large): its
    // message is safe and useful.
    return { code: shape.code, message: error.message, data: base };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/**
 * Turns what the domain throws into tRPC errors: AppError → the mapped code (the AppError
 * stays as `cause` for the formatter); anything unexpected → INTERNAL_SERVER_ERROR with a
 * generic message and the request id, logged here once with the real error. Runs first,
 * so it also covers the guards and input parsers below it.
 */
const withAppErrors = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (result.ok) return result;
  const error = result.error;
  if (AppError.isAppError(error.cause)) throw toTrpcError(error.cause);
  if (error.code === "INTERNAL_SERVER_ERROR") {
    const original = error.cause ?? error;
    const refused = appErrorFromDatabase(original);
    if (refused) throw toTrpcError(refused);
    logUnexpected(original, ctx.requestId, path);
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: internalErrorMessage(ctx.requestId), cause: original });
  }
  return result;
});

/** NUL characters and absurd nesting are refused by field before any schema or guard (input-guard.ts). */
const withStorableInput = t.middleware(async ({ getRawInput, next }) => {
  assertStorableInput(await getRawInput());
  return next();
});

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(withAppErrors).use(withStorableInput);

/** A signed-in person; adds `ctx.user` (non-null) and `ctx.actor`. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  const user: SessionUser = ctx.user;
  const actor: Actor = { kind: "USER", user };
  return next({ ctx: { user, actor } });
});

/** A signed-in person with one of `roles` (FORBIDDEN otherwise). */
export function roleProcedure(roles: readonly Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    assertRole(ctx.actor, roles);
    return next();
  });
}

/**
 * Input contains `locationId`; store roles may only use their own store (FORBIDDEN names
 * it), ADMIN any. Add more input with `.input(...)`: tRPC merges the objects.
 */
export const locationProcedure = authedProcedure.input(LocationIdInput).use(async ({ ctx, input, next }) => {
  if (!canAccessLocation(ctx.actor, input.locationId)) {
    const homeId = ctx.user.locationId;
    const home = homeId ? await ctx.db.location.findUnique({ where: { id: homeId }, select: { name: true } }) : null;
    assertCanAccessLocation(ctx.actor, input.locationId, home?.name);
  }
  return next();
});

/** Location-scoped and limited to `roles`. */
export function locationRoleProcedure(roles: readonly Role[]) {
  return locationProcedure.use(({ ctx, next }) => {
    assertRole(ctx.actor, roles);
    return next();
  });
}
