import { AppError, describeErrorForLog, type SessionUser } from "@oms/contracts";
import { authenticateWithPassword, authenticateWithPin, getSessionUser as loadSessionUser } from "@oms/core";
import { sharedDatabase, type Tx } from "@oms/db";
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import "./next-auth-types.ts";

/** Sessions last one shift (12 hours), then people sign in again. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Shown when signing in fails for a reason that is not the person's (database down, bug). */
export const SIGN_IN_UNAVAILABLE = "Signing in is not possible right now. Please try again in a moment.";

export interface AuthOptionsDependencies {
  /** The database; default the process-wide `sharedDatabase()`. Called lazily. */
  db?: () => Tx;
  /** The clock; default `new Date()`. */
  now?: () => Date;
}

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

function clientIp(headers: HeaderBag): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const real = headers?.["x-real-ip"];
  return first || (Array.isArray(real) ? real[0] : real) || null;
}

/**
 * next-auth v4 hands the message of an Error thrown in `authorize` to the client: the
 * callback answers with a redirect to `/api/auth/error?error=<message>`, and
 * `signIn(..., { redirect: false })` resolves to `{ ok: false, status: 401, error: <message> }`.
 * So the message must be the words the person should read, and nothing internal.
 */
async function signInOrThrow(run: () => Promise<SessionUser>): Promise<SessionUser> {
  try {
    return await run();
  } catch (error) {
    if (AppError.isAppError(error)) throw new Error(error.message);
    console.error(`[auth] sign-in failed unexpectedly: ${describeErrorForLog(error)}`);
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
}

/** The next-auth configuration; `authOptions` is this with the process's database. */
export function createAuthOptions(deps: AuthOptionsDependencies = {}): NextAuthOptions {
  const db = deps.db ?? (() => sharedDatabase().prisma);
  const now = deps.now ?? (() => new Date());

  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "E-mail and password",
        credentials: {
          email: { label: "E-mail", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials, req) =>
          signInOrThrow(() =>
            authenticateWithPassword(
              { email: credentials?.email, password: credentials?.password },
              { db: db(), now: now() },
              { ip: clientIp(req?.headers) },
            ),
          ),
      }),
      CredentialsProvider({
        id: "pin",
        name: "Store PIN",
        credentials: {
          locationId: { label: "Store", type: "text" },
          userId: { label: "Person", type: "text" },
          pin: { label: "PIN", type: "password" },
        },
        authorize: (credentials, req) =>
          signInOrThrow(() =>
            authenticateWithPin(
              { locationId: credentials?.locationId, userId: credentials?.userId, pin: credentials?.pin },
              { db: db(), now: now() },
              { ip: clientIp(req?.headers) },
            ),
          ),
      }),
    ],
    callbacks: {
      /**
       * At sign-in `user` is the SessionUser from core. On every later read the user is
       * looked up again (one primary-key query): a deactivated user or a raised session
       * version leaves a token without `user`, which the session callback turns into "no
       * session". The fresh row also carries role and store changes into the session.
       */
      async jwt({ token, user }) {
        if (user) return { sub: user.id, user: pickSessionUser(user as SessionUser) };
        if (!token.user) return {};
        const current = await loadSessionUser({ userId: token.user.id, sessionVersion: token.user.sessionVersion }, { db: db() });
        if (!current) return {};
        return { ...token, user: current };
      },
      /** An empty object is what next-auth's client and getServerSession read as "signed out". */
      async session({ session, token }) {
        if (!token.user) return {} as Session;
        return { expires: session.expires, user: token.user };
      },
    },
  };
}

function pickSessionUser(user: SessionUser): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locationId: user.locationId,
    sessionVersion: user.sessionVersion,
  };
}

/** The configuration the web app mounts at /api/auth/[...nextauth]. */
export const authOptions: NextAuthOptions = createAuthOptions();
