// A return label's PDF for the customer to print, by the label's unguessable id (the
// tracking page links here after the order number and e-mail were checked).
import { returnLabelPdf } from "@oms/api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ shipmentId: string }> }): Promise<Response> {
  const { shipmentId } = await context.params;
  return returnLabelPdf(shipmentId);
}
