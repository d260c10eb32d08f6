import { getSession, signIn } from "next-auth/react";
import { afterSignInPath } from "../../areas.ts";

export type SignInOutcome = { ok: true; destination: string } | { ok: false; message: string | null; unreachable?: boolean };

/**
 * Signs in through next-auth without its redirects, so the person's own words of a refusal
 * (wrong password, account locked, not your store) reach the form. On success: where to go.
 */
export async function signInWith(
  provider: "password" | "pin",
  credentials: Record<string, string>,
  callbackUrl: string | null,
): Promise<SignInOutcome> {
  let result;
  try {
    result = await signIn(provider, { ...credentials, redirect: false });
  } catch {
    return { ok: false, message: null, unreachable: true };
  }
  if (!result || result.error || !result.ok) {
    const error = result?.error;
    // "CredentialsSignin" is next-auth's generic code: no message of ours to show.
    return { ok: false, message: error && error !== "CredentialsSignin" ? error : null };
  }
  const session = await getSession();
  const role = session?.user?.role;
  if (!role) return { ok: false, message: null };
  return { ok: true, destination: afterSignInPath(role, callbackUrl, window.location.origin) };
}
