// Types of the session and token this suite's next-auth configuration produces.
import type { SessionUser } from "@oms/contracts";
import type {} from "next-auth";
import type {} from "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** Present while the session is valid; a session without it is treated as signed out. */
    user: SessionUser;
  }
  // What `authorize` returns: the SessionUser from core.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface User extends SessionUser {}
}

declare module "next-auth/jwt" {
  interface JWT {
    /** Missing once the session has ended (deactivated, version raised). */
    user?: SessionUser;
  }
}
