import type { SessionUser } from "@oms/contracts";
import { TRPCError } from "@trpc/server";
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

/** Largest tRPC request body (a batch of calls included); above it 413 PAYLOAD_TOO_LARGE. */
export const MAX_TRPC_BODY_BYTES = 1024 * 1024;

/**
 * The request with a body that errors (PAYLOAD_TOO_LARGE, which tRPC answers as 413) once
 * more than `limit` bytes arrived: nothing reads an unbounded body into memory, also when
 * no Content-Length was sent. The fetch adapter has no such option (the Node one does).
 */
function withBodyLimit(req: Request, limit: number): Request {
  if (!req.body) return req;
  const tooLarge = () => new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `The request body may be at most ${limit / 1024 / 1024} MB.` });
  if (Number(req.headers.get("content-length") ?? "0") > limit) {
    return new Request(req.url, { method: req.method, headers: req.headers, body: new ReadableStream({ start: (controller) => controller.error(tooLarge()) }), duplex: "half" } as RequestInit);
  }
  let size = 0;
  const limited = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(req.url, { method: req.method, headers: req.headers, body: limited, signal: req.signal, duplex: "half" } as RequestInit);
}

/** Answers one fetch Request (App Router route handler, server.ts) with the app router. */
export function handleTrpcRequest(req: Request, options: HandleTrpcRequestOptions): Promise<Response> {
  return fetchRequestHandler({
    endpoint: options.endpoint ?? "/api/trpc",
    req: withBodyLimit(req, MAX_TRPC_BODY_BYTES),
    router: appRouter,
    createContext: () => createTrpcContext({ user: options.user, headers: req.headers, db: options.db, now: options.now }),
  });
}
