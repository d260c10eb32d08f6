"use client";
import { Button } from "@mantine/core";
import type { ReportKind } from "@oms/contracts";
import { IconDownload } from "@tabler/icons-react";
import { useTranslations } from "use-intl";
import { exportHref, type ReportState } from "./shared.tsx";

/** Downloads one report of the period on screen as CSV (a plain link: the browser saves it). */
export function CsvButton({ report, state }: { report: ReportKind; state: ReportState }) {
  const t = useTranslations("hqReports");
  return (
    <Button component="a" href={exportHref(report, state)} download variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} data-testid={`csv-${report}`}>
      {t("csv")}
    </Button>
  );
}
