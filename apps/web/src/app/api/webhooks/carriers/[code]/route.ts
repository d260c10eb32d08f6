// Carriers' tracking endpoint, one per carrier: /api/webhooks/carriers/simulated,
// /api/webhooks/carriers/shippo?token=…. Thin: the raw body, headers and query go to
// @oms/api, which has the carrier's adapter verify them and applies the updates once each
// (docs/shipping.md#tracking).
import { handleCarrierWebhook } from "@oms/api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await context.params;
  return handleCarrierWebhook(request, code);
}
