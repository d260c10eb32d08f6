"use client";
import { Button } from "@mantine/core";
import { IconLogout } from "@tabler/icons-react";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { forgetTillSession } from "./pos/offline/offline-pin.ts";

export function SignOutButton({ label, variant = "default" }: { label?: string; variant?: "default" | "light" | "subtle" }) {
  const t = useTranslations("shell");
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      size="sm"
      leftSection={<IconLogout size={16} aria-hidden />}
      loading={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        // The till's cached pages and offline sign-in belong to this person (docs/pos.md#offline).
        forgetTillSession();
        // A full load drops every cached query of the previous person.
        window.location.assign("/login");
      }}
    >
      {label ?? t("signOut")}
    </Button>
  );
}
