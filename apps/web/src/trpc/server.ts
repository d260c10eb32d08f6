// tRPC for server components: the same procedures, called in-process with the session
// user (no HTTP round trip), so role and location checks are the API's, not the page's.
import { createCaller, createTrpcContext } from "@oms/api";
import type { SessionUser } from "@oms/contracts";
import { headers } from "next/headers";

export async function serverCaller(user: SessionUser | null) {
  return createCaller(createTrpcContext({ user, headers: await headers() }));
}
