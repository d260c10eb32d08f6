"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { SalesTable } from "./sales-table.tsx";
import { GroupBySwitch, type ReportState } from "./shared.tsx";

/** Sales by product or by category: the long tables, searched and paged on the server. */
export function ProductsSection({ state }: { state: ReportState }) {
  const t = useTranslations("hqReports");
  const [groupBy, setGroupBy] = useState<"product" | "category">("product");
  return (
    <SalesTable
      key={groupBy}
      state={state}
      groupBy={groupBy}
      searchable
      title={t(groupBy === "product" ? "byProduct.title" : "byCategory.title")}
      description={t(groupBy === "product" ? "byProduct.description" : "byCategory.description")}
      extra={<GroupBySwitch value={groupBy} onChange={setGroupBy} />}
    />
  );
}
