import { getSessionUser } from "@oms/auth";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { afterSignInPath } from "../../areas.ts";
import { getT } from "../../i18n/server.ts";
import { DEVICE_STORE_COOKIE } from "./device-store.ts";
import { LoginScreen } from "./login-screen.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : null;
  const user = await getSessionUser();
  if (user) redirect(afterSignInPath(user.role, callbackUrl));
  const deviceStoreId = (await cookies()).get(DEVICE_STORE_COOKIE)?.value ?? null;
  return <LoginScreen callbackUrl={callbackUrl} deviceStoreId={deviceStoreId} />;
}
