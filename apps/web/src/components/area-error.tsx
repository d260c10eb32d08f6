"use client";
import { ErrorState } from "@oms/ui";
import { useEffect } from "react";
import { useTranslations } from "use-intl";

/** The error.tsx body of every area: what happened in plain words, and a retry. */
export function AreaError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <ErrorState
      title={t("title")}
      message={t("message")}
      reference={error.digest ? t("reference", { digest: error.digest }) : undefined}
      retryLabel={t("retry")}
      onRetry={reset}
    />
  );
}
