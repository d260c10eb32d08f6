import type { ApiScope } from "@oms/contracts";
import type { Actor, AuthenticatedApiKey } from "@oms/core";
import type { PrismaClient, Tx } from "@oms/db";
import type { z } from "zod";

export interface RouteContext {
  /** The root client, or the idempotency transaction for idempotent writes. */
  db: Tx;
  root: PrismaClient;
  now: Date;
  key: AuthenticatedApiKey;
  actor: Actor;
  params: Record<string, string>;
  query: unknown;
  body: unknown;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface RouteDef {
  method: "GET" | "POST" | "DELETE";
  /** OpenAPI form, e.g. "/orders/{id}/cancel" (below /api/v1). */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiScope;
  /** Builds the raw query object from the URL (default: one value per name). */
  readQuery?: (params: URLSearchParams) => Record<string, unknown>;
  query?: z.ZodType;
  body?: z.ZodType;
  idempotency?: "required" | "optional";
  success: { status: number; description: string; schema?: z.ZodType };
  /** Problem statuses this operation can answer with (besides 401, 403, 429). */
  problems: number[];
  run(ctx: RouteContext): Promise<RouteResult>;
}
