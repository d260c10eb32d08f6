"use client";
import { Button, Loader } from "@mantine/core";
import { ErrorState } from "@oms/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { CashReportView } from "./cash-report-view.tsx";
import { serverMessage } from "./shared.ts";

/** A closed session's Z report, read again or reprinted. */
export function ZReportScreen({ registerSessionId }: { registerSessionId: string }) {
  const t = useTranslations("registers");
  const trpc = useTRPC();
  const z = useQuery(trpc.registers.zReport.queryOptions({ registerSessionId }));
  if (z.isPending) return <Loader aria-label={t("loading")} />;
  if (z.isError) return <ErrorState title={t("loadFailed")} message={serverMessage(z.error) ?? ""} retryLabel={t("retry")} onRetry={() => void z.refetch()} />;
  return (
    <CashReportView
      report={z.data}
      actions={
        <Button component={Link} href="/pos" size="md" variant="default">
          {t("backToRegisters")}
        </Button>
      }
    />
  );
}
