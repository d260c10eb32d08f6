// Who is on the other end of a socket.io connection: the next-auth session cookie of the
// handshake, decrypted with the same secret, then checked against the user row like every
// HTTP request is (the jwt callback of @oms/auth).
import type { SessionUser } from "@oms/contracts";
import { SessionUser as SessionUserSchema } from "@oms/contracts";
import type { PrismaClient } from "@oms/db";
import { decode } from "next-auth/jwt";

/** next-auth v4's session cookie names (the secure one when served over https). */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/** The session JWT, joined again when next-auth split it into `.0`, `.1`, ... chunks. */
export function sessionTokenFrom(cookies: Map<string, string>): string | null {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length > 0) return chunks.join("");
  }
  return null;
}

/**
 * The SessionUser in the handshake's cookie, or null when there is none, it does not
 * decrypt with this secret, it has expired, or it no longer carries a user.
 */
export async function sessionUserFromCookieHeader(cookieHeader: string | undefined, secret: string): Promise<SessionUser | null> {
  const token = sessionTokenFrom(parseCookies(cookieHeader));
  if (!token) return null;
  try {
    const payload = await decode({ token, secret });
    const user = SessionUserSchema.safeParse(payload?.user);
    return user.success ? user.data : null;
  } catch {
    return null;
  }
}

/**
 * The cookie's user, checked against the database: a deactivated user or a raised session
 * version gets no socket; role and store come from the row (they may have changed).
 */
export async function authenticateCookie(cookieHeader: string | undefined, options: { secret: string; prisma: PrismaClient }): Promise<SessionUser | null> {
  const user = await sessionUserFromCookieHeader(cookieHeader, options.secret);
  if (!user) return null;
  const row = await options.prisma.user.findUnique({
    where: { id: user.id },
    select: { active: true, sessionVersion: true, role: true, homeLocationId: true },
  });
  if (!row || !row.active || row.sessionVersion !== user.sessionVersion) return null;
  return { ...user, role: row.role, locationId: row.homeLocationId };
}
