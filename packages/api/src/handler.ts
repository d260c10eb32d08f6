import type { SessionUser } from "@oms/contracts";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createTrpcContext, type CreateTrpcContextOptions } from "./context.ts";
import { appRouter } from "./root.ts";

export interface HandleTrpcRequestOptions {
  user: SessionUser | null;
  /** Where the router is mounted; default "/api/trpc". */
  endpoint?: string;
  db?: CreateTrpcContextOptions["db"];
  now?: CreateTrpcContextOptions["now"];
}

/** Answers one fetch Request (App Router route handler, server.ts) with the app router. */
export function handleTrpcRequest(req: Request, options: HandleTrpcRequestOptions): Promise<Response> {
  return fetchRequestHandler({
    endpoint: options.endpoint ?? "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTrpcContext({ user: options.user, headers: req.headers, db: options.db, now: options.now }),
  });
}
