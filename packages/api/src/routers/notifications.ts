// The HQ mail log: every customer message (receipts, pickup ready, reminders, short picks,
// cancellations, refunds) as it was rendered and sent. Administrators see all; a store
// manager sees their own store's messages (the domain limits the list); only
// administrators put a failed message back in the queue.
import { getNotification, listNotifications, ListNotificationsInput, NotificationIdInput, resendNotification } from "@oms/core";
import { domainContext } from "../context.ts";
import { roleProcedure, router } from "../trpc.ts";

const readers = ["ADMIN", "MANAGER"] as const;

export const notificationsRouter = router({
  list: roleProcedure(readers).input(ListNotificationsInput.optional()).query(({ ctx, input }) => listNotifications(input ?? {}, domainContext(ctx))),
  get: roleProcedure(readers).input(NotificationIdInput).query(({ ctx, input }) => getNotification(input, domainContext(ctx))),
  resend: roleProcedure(["ADMIN"]).input(NotificationIdInput).mutation(({ ctx, input }) => resendNotification(input, domainContext(ctx))),
});
