import { Button } from "@mantine/core";
import { EmptyState } from "@oms/ui";
import { IconMapPinOff } from "@tabler/icons-react";
import Link from "next/link";
import { getT } from "../i18n/server.ts";

export async function NotFoundPanel({ homeHref = "/" }: { homeHref?: string }) {
  const t = await getT("notFound");
  return (
    <EmptyState
      icon={<IconMapPinOff size={28} aria-hidden />}
      title={t("title")}
      description={t("message")}
      action={
        <Button component={Link} href={homeHref} variant="light">
          {t("home")}
        </Button>
      }
    />
  );
}
