import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReceiptScreen } from "../../../../../../components/pos/receipt/receipt-screen.tsx";
import { requireArea } from "../../../../../../auth/guard.ts";
import { getT } from "../../../../../../i18n/server.ts";
import { serverCaller } from "../../../../../../trpc/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("posReceipt"))("screen.metaTitle") };
}

/** POS › Receipt of a finished sale: change due, print (80 mm), e-mail, next sale. */
export default async function ReceiptPage({ params }: { params: Promise<{ orderId: string }> }) {
  const user = await requireArea("pos");
  const { orderId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) notFound();
  let receipt;
  try {
    receipt = await (await serverCaller(user)).pos.receipt({ orderId });
  } catch (error) {
    // Another store's sale or no such sale: the same not-found panel (no hint either way).
    if ((error as { code?: string }).code === "NOT_FOUND" || (error as { code?: string }).code === "FORBIDDEN") notFound();
    throw error;
  }
  return <ReceiptScreen receipt={receipt} />;
}
