import { EmptyState } from "@oms/ui";
import { IconMapPinOff } from "@tabler/icons-react";
import { ButtonLink } from "./links.tsx";
import { getT } from "../i18n/server.ts";

export async function NotFoundPanel({ homeHref = "/" }: { homeHref?: string }) {
  const t = await getT("notFound");
  return (
    <EmptyState
      icon={<IconMapPinOff size={28} aria-hidden />}
      title={t("title")}
      description={t("message")}
      action={
        <ButtonLink href={homeHref} variant="light">
          {t("home")}
        </ButtonLink>
      }
    />
  );
}
