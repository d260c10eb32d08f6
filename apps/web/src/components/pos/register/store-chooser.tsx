"use client";
import { Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { RegisterScreen } from "./register-screen.tsx";

/** HQ on /pos/register: choose the store first. */
export function StoreChooser({ stores, registerId }: { stores: { id: string; name: string }[]; registerId: string | null }) {
  const t = useTranslations("registers");
  const [locationId, setLocationId] = useState<string | null>(stores.length === 1 ? stores[0]!.id : null);
  if (locationId) return <RegisterScreen key={locationId} locationId={locationId} initialRegisterId={registerId} />;
  return (
    <Stack gap="sm" maw={480}>
      <Text>{t("chooseStoreHint")}</Text>
      <Select size="lg" label={t("chooseStore")} data={stores.map((s) => ({ value: s.id, label: s.name }))} onChange={setLocationId} />
    </Stack>
  );
}
