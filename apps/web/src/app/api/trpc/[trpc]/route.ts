import { createTrpcContext, appRouter } from "@oms/api";
import { getSessionUser } from "@oms/auth";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createTrpcContext({ user: await getSessionUser(), headers: req.headers }),
  });
}

export { handler as GET, handler as POST };
