import { AppError } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { QueueNotificationInput, type QueueNotificationData } from "./schemas.ts";
import { loadRenderContext, renderNotification } from "./templates/index.ts";

export interface QueuedNotification {
  id: string;
  channel: "EMAIL" | "SMS";
  recipient: string;
  template: QueueNotificationData["template"];
  subject: string;
}

/**
 * Renders a customer message and queues it in the caller's transaction: when the command
 * that queued it rolls back, nothing is sent. The job runner's dispatchNotifications sends
 * it after commit (docs/notifications.md).
 *
 * E-mail when the order (or `input.to`) has an address, else SMS when it has a phone;
 * returns null and queues nothing when there is neither, so callers need not check.
 *
 *   await queueNotification({ template: "pickup.ready", orderId, fulfillmentOrderId }, { ...ctx, db: tx });
 */
export async function queueNotification(input: QueueNotificationInput, ctx: DomainContext): Promise<QueuedNotification | null> {
  const data = parseInput(QueueNotificationInput, input);
  const fulfillmentOrderId = "fulfillmentOrderId" in data ? data.fulfillmentOrderId : undefined;
  const render = await loadRenderContext(ctx.db, data.orderId, fulfillmentOrderId, ctx.now);

  const email = data.to?.email ?? (data.to?.phone ? null : render.order.email);
  const phone = data.to?.phone ?? (data.to?.email ? null : render.order.phone);
  const channel = email ? "EMAIL" : phone ? "SMS" : null;
  if (!channel) return null;

  if ((data.template === "pickup.ready" || data.template === "pickup.reminder") && !render.fulfillment?.pickupCode) {
    throw new AppError("VALIDATION_FAILED", `Fulfillment order ${render.fulfillment?.number ?? ""} has no pickup code to send.`, {
      fields: [{ path: ["fulfillmentOrderId"], message: "Not a pickup order with a code" }],
    });
  }

  const rendered = await renderNotification(data, render);
  const { to: _to, ...stored } = data;
  const row = await ctx.db.notification.create({
    data: {
      channel,
      recipient: channel === "EMAIL" ? email!.trim() : phone!.trim(),
      template: data.template,
      subject: rendered.subject,
      body: channel === "EMAIL" ? rendered.text : rendered.sms,
      html: channel === "EMAIL" ? rendered.html : null,
      data: { ...stored, orderNumber: render.order.number } as Prisma.InputJsonValue,
      orderId: data.orderId,
      locationId: render.location?.id ?? null,
      status: "QUEUED",
      nextAttemptAt: ctx.now,
      createdAt: ctx.now,
    },
    select: { id: true, channel: true, recipient: true, subject: true },
  });
  return { ...row, template: data.template };
}
