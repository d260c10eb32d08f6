import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { PackingSlipView } from "../../../../components/fulfillment/packing-slip.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";
import { serverCaller } from "../../../../trpc/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("fulfillment"))("slip.title") };
}

/** The printable packing slip (outside the shell: only the paper prints). */
export default async function PackingSlipPage({ params }: { params: Promise<{ fulfillmentOrderId: string }> }) {
  const user = await requireArea("fulfillment");
  const { fulfillmentOrderId } = await params;
  try {
    const slip = await (await serverCaller(user)).shipping.packingSlip({ fulfillmentOrderId });
    return <PackingSlipView slip={slip} />;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
