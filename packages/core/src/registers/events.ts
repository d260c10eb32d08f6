import type { OutboxMessage } from "../shared/outbox.ts";

/** The live event of every register command: the store's overview and register screens refetch. */
export function registerChanged(
  session: { id: string; registerId: string; locationId: string; status: "OPEN" | "CLOSED" },
  change: "register.opened" | "register.cash_in" | "register.cash_out" | "register.closed",
): OutboxMessage<"register.changed"> {
  return {
    topic: "register.changed",
    locationId: session.locationId,
    payload: { registerId: session.registerId, registerSessionId: session.id, locationId: session.locationId, status: session.status, change },
  };
}
