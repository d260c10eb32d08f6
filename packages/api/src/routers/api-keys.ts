import { ApiKeyIdInput, CreateApiKeyInput } from "@oms/contracts";
import { createApiKey, listApiKeys, revokeApiKey } from "@oms/core";
import { domainContext } from "../context.ts";
import { roleProcedure, router } from "../trpc.ts";

export const apiKeysRouter = router({
  /** Returns `token` once: only its hash is stored. */
  create: roleProcedure(["ADMIN"]).input(CreateApiKeyInput).mutation(({ ctx, input }) => createApiKey(input, domainContext(ctx))),
  list: roleProcedure(["ADMIN"]).query(({ ctx }) => listApiKeys(domainContext(ctx))),
  revoke: roleProcedure(["ADMIN"]).input(ApiKeyIdInput).mutation(({ ctx, input }) => revokeApiKey(input, domainContext(ctx))),
});
