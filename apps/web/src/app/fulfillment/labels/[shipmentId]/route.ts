// GET /fulfillment/labels/<shipmentId>[?format=ZPL]: the bought label to print, PDF (opens in
// the browser's viewer, 4 × 6 in) or ZPL (a download for the thermal printer). The signed-in
// person is checked here and again by shipping.labelFile (role and location).
import { getSessionUser } from "@oms/auth";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { canOpenArea } from "../../../../areas.ts";
import { problem } from "../../../../http/hq-csv-export.ts";
import { serverCaller } from "../../../../trpc/server.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ shipmentId: string }> }): Promise<Response> {
  const { shipmentId } = await params;
  const format = new URL(request.url).searchParams.get("format")?.toUpperCase();
  if (format !== undefined && format !== "PDF" && format !== "ZPL") return problem(400, "Unknown format", "format: Ask for PDF or ZPL.");
  const user = await getSessionUser();
  if (!user) return problem(401, "Sign in first", "Sign in to print labels.");
  if (!canOpenArea(user.role, "fulfillment")) return problem(403, "Not allowed", "Only store and warehouse staff can print labels.");
  try {
    const file = await (await serverCaller(user)).shipping.labelFile({ shipmentId, ...(format ? { format } : {}) });
    const pdf = file.contentType === "application/pdf";
    return new Response(Buffer.from(file.base64, "base64"), {
      headers: {
        "Content-Type": pdf ? "application/pdf" : "application/zpl; charset=utf-8",
        "Content-Disposition": `${pdf ? "inline" : "attachment"}; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return problem(getHTTPStatusCodeFromError(error), "The label could not be loaded", error.message);
    throw error;
  }
}
