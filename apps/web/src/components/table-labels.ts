"use client";
import type { DataTableLabels } from "@oms/ui";
import { useMemo } from "react";
import { useTranslations } from "use-intl";

/** The DataTable's own words (loading, rows per page, sort, "1–25 of 300") from the catalogue. */
export function useTableLabels(): DataTableLabels {
  const t = useTranslations("table");
  return useMemo(
    () => ({
      loading: t("loading"),
      pageSize: t("pageSize"),
      sort: t("sort"),
      range: (from: number, to: number, total: number) => t("range", { from, to, total }),
    }),
    [t],
  );
}
