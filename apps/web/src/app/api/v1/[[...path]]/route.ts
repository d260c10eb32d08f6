// The public channel API (docs/api-rest.md): every /api/v1 request goes to one handler in
// @oms/api, which authenticates the API key, validates and answers problem+json on errors.
import { handleRestRequest } from "@oms/api";

export const dynamic = "force-dynamic";

function handler(request: Request) {
  return handleRestRequest(request);
}

export { handler as GET, handler as POST, handler as DELETE, handler as PUT, handler as PATCH };
