import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderDetailScreen } from "../../../../../components/hq/orders/order-detail-screen.tsx";
import { requireArea } from "../../../../../auth/guard.ts";
import { getT } from "../../../../../i18n/server.ts";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqOrders"))("detail.pageTitle") };
}

/** HQ › Orders › one order (loaded on the client, so live events refresh it in place). */
export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  await requireArea("hq");
  const { orderId } = await params;
  if (!uuid.test(orderId)) notFound();
  return <OrderDetailScreen orderId={orderId} />;
}
