import QRCode from "qrcode";
import { pickupQrText } from "../../pickup/index.ts";
import type { QueueNotificationData, ShortPickOutcome } from "../schemas.ts";
import type { RenderContext } from "./context.ts";
import { html, type SafeHtml } from "./format.ts";
import { amountsTable, emailLayout, itemsTable, paragraph } from "./layout.ts";

export { loadRenderContext, type RenderContext } from "./context.ts";
export { createFormatter, escapeHtml } from "./format.ts";

/** One message in both forms: e-mail (subject, text, HTML) and SMS (one short text). */
export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

type Data<T extends QueueNotificationData["template"]> = Extract<QueueNotificationData, { template: T }>;

/**
 * Renders a template at queue time, so the mail log stores exactly what the customer gets
 * even if the order changes later. Customer texts are English; amounts and dates follow the
 * location's locale, currency and time zone (docs/notifications.md).
 */
export async function renderNotification(data: QueueNotificationData, ctx: RenderContext): Promise<RenderedNotification> {
  switch (data.template) {
    case "pos.receipt":
      return posReceipt(ctx);
    case "pickup.ready":
      return pickupReady(ctx);
    case "pickup.short":
      return pickupShort(data, ctx);
    case "pickup.reminder":
      return pickupReminder(data, ctx);
    case "pickup.cancelled":
      return pickupCancelled(data, ctx);
    case "order.refunded":
      return orderRefunded(data, ctx);
  }
}

const greeting = (ctx: RenderContext) => (ctx.order.customerName ? `Hello ${ctx.order.customerName},` : "Hello,");
const storeName = (ctx: RenderContext) => ctx.location?.name ?? ctx.organizationName;

const METHOD_LABELS: Record<string, string> = { CARD: "Card", CASH: "Cash", STORE_CREDIT: "Store credit", BANK_TRANSFER: "Bank transfer", OTHER: "Other" };

function posReceipt(ctx: RenderContext): RenderedNotification {
  const { order, fmt } = ctx;
  const lines = order.lines.filter((l) => l.quantity - l.quantityCancelled > 0);
  const totals = [
    { label: "Subtotal", value: fmt.money(order.subtotal) },
    ...(order.discountTotal > 0 ? [{ label: "Discounts", value: fmt.money(-order.discountTotal) }] : []),
    { label: order.pricesIncludeTax ? "Tax included" : "Tax", value: fmt.money(order.taxTotal) },
    { label: "Total", value: fmt.money(order.total), strong: true },
  ];
  const tenders = order.payments
    .filter((p) => !["FAILED", "VOIDED", "PENDING"].includes(p.status))
    .flatMap((p) => {
      const label = METHOD_LABELS[p.method] ?? p.method;
      const rows = [{ label, value: fmt.money(p.tendered ?? p.amount, p.currency) }];
      if (p.changeGiven) rows.push({ label: "Change", value: fmt.money(p.changeGiven, p.currency) });
      return rows;
    });
  const subject = `Your receipt ${order.number} from ${storeName(ctx)}`;
  const textLines = [
    greeting(ctx),
    `Thank you for shopping at ${storeName(ctx)} on ${fmt.dateTime(order.placedAt)}.`,
    "",
    ...lines.map((l) => `${l.name} (${l.sku}) × ${l.quantity - l.quantityCancelled}  ${fmt.money(l.total)}`),
    "",
    ...totals.map((t) => `${t.label}: ${t.value}`),
    ...(tenders.length > 0 ? ["", "Paid with:", ...tenders.map((t) => `${t.label}: ${t.value}`)] : []),
  ];
  const content = html`${paragraph(greeting(ctx))}
${paragraph(`Thank you for shopping at ${storeName(ctx)} on ${fmt.dateTime(order.placedAt)}.`)}
${itemsTable(lines.map((l) => ({ name: l.name, sku: l.sku, quantity: l.quantity - l.quantityCancelled, amount: fmt.money(l.total) })))}
${amountsTable(totals)}
${tenders.length > 0 ? html`<h2 style="font-size:15px;margin:16px 0 4px;">Paid with</h2>${amountsTable(tenders)}` : ""}`;
  return {
    subject,
    text: textLines.join("\n"),
    html: emailLayout(ctx, `Receipt ${order.number}`, content),
    sms: `${storeName(ctx)}: receipt ${order.number}, total ${fmt.money(order.total)}. Thank you!`,
  };
}

async function pickupReady(ctx: RenderContext): Promise<RenderedNotification> {
  const { order, fmt } = ctx;
  const f = ctx.fulfillment!;
  const code = f.pickupCode ?? "";
  const qrText = pickupQrText(order.number, code);
  const qr = await QRCode.toDataURL(qrText, { errorCorrectionLevel: "M", margin: 2, width: 220 });
  const address = ctx.location ? `${ctx.location.addressLine1}, ${ctx.location.postalCode} ${ctx.location.city}` : "";
  const subject = `Order ${order.number} is ready for pickup at ${storeName(ctx)}`;
  const content = html`${paragraph(greeting(ctx))}
${paragraph(`Your order ${order.number} is ready for pickup at ${storeName(ctx)}${address ? ` (${address})` : ""}.`)}
${paragraph(html`Show this code at the counter: <strong style="font-size:22px;letter-spacing:2px;">${code}</strong>`)}
<p style="margin:0 0 12px;"><img src="${qr}" width="220" height="220" alt="QR code for pickup code ${code}" style="display:block;border:0;"></p>
${itemsTable(f.lines.map((l) => ({ name: l.name, sku: l.sku, quantity: l.quantity })))}
${order.payments.some((p) => p.status === "CAPTURED" || p.status === "AUTHORIZED") ? "" : paragraph(`Amount to pay at pickup: ${fmt.money(order.total)}.`)}`;
  return {
    subject,
    text: [
      greeting(ctx),
      `Your order ${order.number} is ready for pickup at ${storeName(ctx)}${address ? ` (${address})` : ""}.`,
      `Pickup code: ${code}`,
      "",
      ...f.lines.map((l) => `${l.name} × ${l.quantity}`),
    ].join("\n"),
    html: emailLayout(ctx, "Ready for pickup", content),
    sms: `${storeName(ctx)}: order ${order.number} is ready for pickup. Your code: ${code}`,
  };
}

function describeOutcome(item: Data<"pickup.short">["items"][number], fmt: RenderContext["fmt"]): string {
  const refund = item.refundAmount ? ` ${fmt.money(item.refundAmount)} is refunded.` : "";
  const labels: Record<ShortPickOutcome, string> = {
    SUBSTITUTED: `Replaced with ${item.substituteName ?? "a similar item"}.`,
    PARTIAL: `Only ${item.quantityFulfilled} of ${item.quantityOrdered} available; you get ${item.quantityFulfilled}.${refund}`,
    REROUTED: `Sent from ${item.rerouteLocationName ?? "another location"} instead; it may arrive a little later.`,
    CANCELLED: `Not available, removed from your order.${refund}`,
  };
  return labels[item.outcome];
}

function pickupShort(data: Data<"pickup.short">, ctx: RenderContext): RenderedNotification {
  const { order, fmt } = ctx;
  const subject = `A change to your order ${order.number}`;
  const notes = data.items.map((i) => ({ ...i, note: describeOutcome(i, fmt) }));
  const content = html`${paragraph(greeting(ctx))}
${paragraph(`While preparing order ${order.number} at ${storeName(ctx)} we could not find everything as ordered:`)}
${itemsTable(notes.map((i) => ({ name: i.name, sku: i.sku, quantity: i.quantityOrdered, note: i.note })))}
${paragraph("We are sorry for the inconvenience. Reply to this message or call the store if you would like something else.")}`;
  return {
    subject,
    text: [greeting(ctx), `While preparing order ${order.number} at ${storeName(ctx)} we could not find everything as ordered:`, "", ...notes.map((i) => `${i.name} × ${i.quantityOrdered}: ${i.note}`)].join("\n"),
    html: emailLayout(ctx, "A change to your order", content),
    sms: `${storeName(ctx)}: order ${order.number} changed. ${notes.map((i) => `${i.name}: ${i.note}`).join(" ")}`.slice(0, 480),
  };
}

function pickupReminder(data: Data<"pickup.reminder">, ctx: RenderContext): RenderedNotification {
  const { order, fmt } = ctx;
  const f = ctx.fulfillment!;
  const days = data.days ?? (f.readyAt ? Math.max(0, Math.floor((ctx.now.getTime() - f.readyAt.getTime()) / 86_400_000)) : 0);
  const deadline = data.cancelAfterDays && f.readyAt ? new Date(f.readyAt.getTime() + data.cancelAfterDays * 86_400_000) : null;
  const deadlineText = deadline ? `Please collect it by ${fmt.date(deadline)}; after that the order is cancelled and refunded.` : "";
  const subject = `Reminder: order ${order.number} is waiting for you at ${storeName(ctx)}`;
  const content = html`${paragraph(greeting(ctx))}
${paragraph(`Your order ${order.number} has been waiting at ${storeName(ctx)} for ${days} ${days === 1 ? "day" : "days"}.`)}
${deadlineText ? paragraph(deadlineText) : ""}
${f.pickupCode ? paragraph(html`Your pickup code: <strong>${f.pickupCode}</strong>`) : ""}`;
  return {
    subject,
    text: [greeting(ctx), `Your order ${order.number} has been waiting at ${storeName(ctx)} for ${days} days.`, deadlineText, f.pickupCode ? `Pickup code: ${f.pickupCode}` : ""].filter(Boolean).join("\n"),
    html: emailLayout(ctx, "Your order is waiting", content),
    sms: `${storeName(ctx)}: order ${order.number} is waiting for you${f.pickupCode ? ` (code ${f.pickupCode})` : ""}.${deadline ? ` Collect by ${fmt.date(deadline)}.` : ""}`,
  };
}

function pickupCancelled(data: Data<"pickup.cancelled">, ctx: RenderContext): RenderedNotification {
  const { order, fmt } = ctx;
  const paid = order.payments.filter((p) => ["CAPTURED", "PARTIALLY_REFUNDED", "AUTHORIZED"].includes(p.status)).reduce((s, p) => s + p.amount, 0);
  const money = paid > 0 ? `Any payment (${fmt.money(paid)}) is refunded to the way you paid; it can take a few days to show.` : "";
  const reason = data.reason ? `Reason: ${data.reason}` : "";
  const subject = `Order ${order.number} was cancelled`;
  const content = html`${paragraph(greeting(ctx))}
${paragraph(`Your pickup order ${order.number} at ${storeName(ctx)} was cancelled.`)}
${reason ? paragraph(reason) : ""}
${money ? paragraph(money) : ""}`;
  return {
    subject,
    text: [greeting(ctx), `Your pickup order ${order.number} at ${storeName(ctx)} was cancelled.`, reason, money].filter(Boolean).join("\n"),
    html: emailLayout(ctx, "Order cancelled", content),
    sms: `${storeName(ctx)}: order ${order.number} was cancelled.${paid > 0 ? " Your payment is refunded." : ""}`,
  };
}

function orderRefunded(data: Data<"order.refunded">, ctx: RenderContext): RenderedNotification {
  const { order, fmt } = ctx;
  const amount = fmt.money(data.amount);
  const subject = `Refund of ${amount} for order ${order.number}`;
  const reason = data.reason ? `Reason: ${data.reason}` : "";
  const content: SafeHtml = html`${paragraph(greeting(ctx))}
${paragraph(html`We have refunded <strong>${amount}</strong> for order ${order.number}.`)}
${reason ? paragraph(reason) : ""}
${paragraph("The money goes back to the way you paid; card refunds can take 5–10 days to show on your statement.")}`;
  return {
    subject,
    text: [greeting(ctx), `We have refunded ${amount} for order ${order.number}.`, reason, "The money goes back to the way you paid; card refunds can take 5–10 days to show on your statement."]
      .filter(Boolean)
      .join("\n"),
    html: emailLayout(ctx, "Refund issued", content),
    sms: `${storeName(ctx)}: refund of ${amount} for order ${order.number} is on its way.`,
  };
}
