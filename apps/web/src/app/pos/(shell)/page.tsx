import { Alert, Stack } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import type { Metadata } from "next";
import { WelcomeHeader } from "../../../components/area-overview.tsx";
import { RegisterOverview } from "../../../components/pos/register/register-overview.tsx";
import { requireArea } from "../../../auth/guard.ts";
import { loadHomeLocation } from "../../../auth/location.ts";
import { getT } from "../../../i18n/server.ts";
import { serverCaller } from "../../../trpc/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("areas"))("pos") };
}

/** POS › Overview: who is signed in, and the store's registers (choose one, open or continue it). */
export default async function PosHome() {
  // The layout checked already; pages check again because they can render without it (RSC requests).
  const user = await requireArea("pos");
  const t = await getT("registers");
  const roles = await getT("roles");
  const home = await loadHomeLocation(user);
  // HQ works for every store: they choose one; store staff only ever see their own.
  const stores =
    home.status === "ok"
      ? [{ id: home.location.id, name: home.location.name }]
      : user.role === "ADMIN"
        ? (await (await serverCaller(user)).locations.list()).filter((l) => l.kind === "STORE").map((l) => ({ id: l.id, name: l.name }))
        : [];
  return (
    <Stack gap="lg">
      <WelcomeHeader user={user} intro={t("intro")} roleLabel={roles(user.role)} />
      {stores.length === 0 ? (
        <Alert variant="light" color={home.status === "failed" ? "red" : "yellow"} icon={<IconInfoCircle aria-hidden />}>
          {home.status === "failed" ? t("storeUnavailable") : t("noStore")}
        </Alert>
      ) : (
        <RegisterOverview homeLocationId={home.status === "ok" ? home.location.id : null} stores={stores} />
      )}
    </Stack>
  );
}
