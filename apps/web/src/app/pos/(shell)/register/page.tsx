import { Alert, Stack } from "@mantine/core";
import type { Metadata } from "next";
import { RegisterScreen } from "../../../../components/pos/register/register-screen.tsx";
import { StoreChooser } from "../../../../components/pos/register/store-chooser.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { loadHomeLocation } from "../../../../auth/location.ts";
import { getT } from "../../../../i18n/server.ts";
import { serverCaller } from "../../../../trpc/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("registers"))("title") };
}

/** POS › Register: the session of the register this device works as. */
export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("pos");
  const t = await getT("registers");
  const params = await searchParams;
  const registerId = typeof params.register === "string" && /^[0-9a-f-]{36}$/i.test(params.register) ? params.register : null;
  const home = await loadHomeLocation(user);
  if (home.status === "ok") {
    return <RegisterScreen key={registerId ?? "remembered"} locationId={home.location.id} initialRegisterId={registerId} />;
  }
  if (user.role !== "ADMIN") {
    return <Alert color={home.status === "failed" ? "red" : "yellow"}>{home.status === "failed" ? t("storeUnavailable") : t("noStore")}</Alert>;
  }
  const stores = (await (await serverCaller(user)).locations.list()).filter((l) => l.kind === "STORE").map((l) => ({ id: l.id, name: l.name }));
  return (
    <Stack gap="lg">
      <StoreChooser stores={stores} registerId={registerId} />
    </Stack>
  );
}
