import type { ActorKind } from "@oms/db";
import type { Actor } from "../context.ts";

/** The (kind, id) pair stored on ledger, timeline and audit rows. */
export function actorRef(actor: Actor): { actorKind: ActorKind; actorId: string | null } {
  switch (actor.kind) {
    case "USER":
      return { actorKind: "USER", actorId: actor.user.id };
    case "API_KEY":
      return { actorKind: "API_KEY", actorId: actor.apiKeyId };
    default:
      return { actorKind: "SYSTEM", actorId: null };
  }
}

/** The user id for columns that reference a person, or null for API keys and the system. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === "USER" ? actor.user.id : null;
}
