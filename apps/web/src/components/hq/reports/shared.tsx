"use client";
// What the overview and the report screens share: the change badge, the currency footnote,
// and the period held in the URL.
import { Badge, Group, SegmentedControl, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { AppRouter } from "@oms/api";
import { addDays, changeOf, parseDay, REPORT_MAX_DAYS } from "@oms/contracts";
import { dateTimeText, type DataTablePage, type DataTableSort } from "@oms/ui";
import { IconArrowDownRight, IconArrowUpRight, IconMinus, IconSearch } from "@tabler/icons-react";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "use-intl";

type Outputs = inferRouterOutputs<AppRouter>;
export type FxNoteView = Outputs["reports"]["overview"]["fx"];
export type SalesReportView = Outputs["reports"]["sales"];
export type SalesRowView = SalesReportView["rows"][number];
export type FiguresView = SalesRowView["figures"];

/** How a figure moved against the previous period: +12 % green, −5 % red, "new" without a base. */
export function ChangeBadge({ current, previous, label, inverse = false }: { current: number; previous: number | null | undefined; label: string; inverse?: boolean }) {
  const t = useTranslations("hqReports");
  const locale = useLocale();
  const change = changeOf(current, previous);
  if (!change) return null;
  const up = change.diff > 0;
  const flat = change.diff === 0;
  const good = inverse ? !up : up;
  const text =
    change.ratio === null
      ? t("change.new")
      : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change.ratio);
  const Icon = flat ? IconMinus : up ? IconArrowUpRight : IconArrowDownRight;
  return (
    <Tooltip label={label} withArrow>
      <Badge variant="light" color={flat ? "gray" : good ? "teal" : "red"} size="sm" leftSection={<Icon size={12} aria-hidden />} tt="none" style={{ fontVariantNumeric: "tabular-nums", flexShrink: 0, overflow: "visible" }}>
        <span aria-label={`${label}: ${text}`}>{text}</span>
      </Badge>
    </Tooltip>
  );
}

/** Under every report: the reporting currency, tax in or out, the rates used and any missing. */
export function FxFootnote({ fx, timeZone }: { fx: FxNoteView; timeZone: string }) {
  const t = useTranslations("hqReports");
  const locale = useLocale();
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="xs" c="dimmed">
        {t(fx.includesTax ? "fx.basisIncl" : "fx.basisExcl", { currency: fx.currency })}
      </Text>
      {fx.rates.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t("fx.rates", { rates: fx.rates.map((r) => `1 ${r.currency} = ${Number(r.rate).toLocaleString(locale, { maximumFractionDigits: 6 })} ${fx.currency}`).join(" · ") })}
          {fx.asOf ? ` ${t("fx.asOf", { when: dateTimeText(fx.asOf, timeZone, locale, "date") })}` : ""}
        </Text>
      ) : null}
      {fx.missing.length > 0 ? (
        <Text size="xs" c="red.8" fw={600} role="status">
          {t("fx.missing", { currencies: fx.missing.join(", ") })}
        </Text>
      ) : null}
    </Group>
  );
}

// ── The period in the URL (?from=…&to=…&compare=1&tab=…) ──

export const reportTabs = ["sales", "products", "sellThrough", "returns", "fulfilment"] as const;
export type ReportTab = (typeof reportTabs)[number];
export const presets = ["today", "yesterday", "last7", "last30", "thisMonth", "lastMonth", "thisYear"] as const;
export type Preset = (typeof presets)[number];

export interface ReportState {
  from: string;
  to: string;
  compare: boolean;
  tab: ReportTab;
  locationId: string | null;
}

/** The reader's calendar day, yyyy-mm-dd. */
export function localToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function presetPeriod(preset: Preset, today: string): { from: string; to: string } {
  const [y, m] = today.split("-") as [string, string, string];
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday":
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case "last7":
      return { from: addDays(today, -6), to: today };
    case "last30":
      return { from: addDays(today, -29), to: today };
    case "thisMonth":
      return { from: `${y}-${m}-01`, to: today };
    case "lastMonth": {
      const first = `${y}-${m}-01`;
      const end = addDays(first, -1);
      return { from: `${end.slice(0, 7)}-01`, to: end };
    }
    case "thisYear":
      return { from: `${y}-01-01`, to: today };
  }
}

/** Which preset a period is (for the picker), or null for a custom range. */
export function presetOf(period: { from: string; to: string }, today: string): Preset | null {
  return presets.find((p) => {
    const q = presetPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  }) ?? null;
}

export function stateFromSearch(params: URLSearchParams, today: string): ReportState {
  const fallback = presetPeriod("last30", today);
  const from = params.get("from");
  const to = params.get("to");
  const valid = from && to && parseDay(from) && parseDay(to) && from <= to;
  const tab = reportTabs.find((x) => x === params.get("tab")) ?? "sales";
  const period = valid ? { from, to } : fallback;
  // A hand-edited URL longer than a report covers shows the last REPORT_MAX_DAYS of it.
  const bounded = valid && (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > REPORT_MAX_DAYS ? { from: addDays(to, -(REPORT_MAX_DAYS - 1)), to } : period;
  return { ...bounded, compare: params.get("compare") === "1", tab, locationId: params.get("location") || null };
}

export function searchOfState(s: ReportState): string {
  const params = new URLSearchParams({ from: s.from, to: s.to });
  if (s.compare) params.set("compare", "1");
  if (s.tab !== "sales") params.set("tab", s.tab);
  if (s.locationId) params.set("location", s.locationId);
  return params.toString();
}

/** The CSV download of one report for the period on screen. */
export function exportHref(report: string, s: ReportState): string {
  const params = new URLSearchParams({ from: s.from, to: s.to });
  if (s.compare) params.set("compare", "1");
  if (s.locationId) params.set("location", s.locationId);
  return `/hq/reports/export/${report}?${params.toString()}`;
}

/** Seconds as "1 h 30 min", "45 min", "2 d 4 h". */
export function useDurationText(): (seconds: number | null) => string {
  const t = useTranslations("hqReports");
  return (seconds) => durationText(seconds, t);
}

function durationText(seconds: number | null, t: ReturnType<typeof useTranslations<"hqReports">>): string {
  if (seconds === null) return "–";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t("duration.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("duration.hoursMinutes", { hours, minutes: minutes % 60 });
  return t("duration.daysHours", { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** The report inputs of the period on screen. */
export function periodInput(s: ReportState): { from: string; to: string; locationIds?: string[] } {
  return { from: s.from, to: s.to, ...(s.locationId ? { locationIds: [s.locationId] } : {}) };
}

/** A share as a percentage ("12.5 %"), "–" without one. */
export function percentText(value: number | null, locale: string): string {
  return value === null ? "–" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
}

/**
 * The state of a server-side report table: one sort column, the page, and the search box
 * (sent 300 ms after the last key); back to the first page when the period or the grouping changes.
 */
export function useReportTable(state: ReportState, defaultSort: DataTableSort, resetOn: readonly unknown[]) {
  const [sort, setSortState] = useState<DataTableSort>(defaultSort);
  const [page, setPage] = useState<DataTablePage>({ pageIndex: 0, pageSize: 25 });
  const [searchText, setSearchText] = useState("");
  const [search] = useDebouncedValue(searchText.trim(), 300);
  useEffect(() => {
    setPage((p) => ({ ...p, pageIndex: 0 }));
    // The caller names what else starts the table over (its grouping).
  }, [state.from, state.to, state.locationId, search, ...resetOn]);
  const setSort = (next: DataTableSort) => {
    setSortState(next);
    setPage((p) => ({ ...p, pageIndex: 0 }));
  };
  return { sort, setSort, page, setPage, searchText, setSearchText, search };
}

/** Product or category: the grouping switch of the long tables. */
export function GroupBySwitch({ value, onChange }: { value: "product" | "category"; onChange: (value: "product" | "category") => void }) {
  const t = useTranslations("hqReports");
  return (
    <SegmentedControl
      size="xs"
      value={value}
      onChange={(v) => onChange(v as "product" | "category")}
      data={[
        { value: "product", label: t("groups.product") },
        { value: "category", label: t("groups.category") },
      ]}
      aria-label={t("byProduct.groupBy")}
    />
  );
}

/** A group's name with what tells it apart (a location's code, a product's category) under it. */
export function GroupNameCell({ name, detail }: { name: string; detail: string | null }) {
  return (
    <Stack gap={0} maw={360}>
      <Text size="sm" fw={500} truncate="end">
        {name}
      </Text>
      {detail ? (
        <Text size="xs" c="dimmed" truncate="end">
          {detail}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The search box of a report table ("Search product"). */
export function GroupSearch({ groupBy, value, onChange }: { groupBy: "day" | "channel" | "location" | "product" | "category"; value: string; onChange: (value: string) => void }) {
  const t = useTranslations("hqReports");
  const label = t("search", { what: t(`groups.${groupBy}`).toLowerCase() });
  return <TextInput placeholder={label} aria-label={label} leftSection={<IconSearch size={16} aria-hidden />} value={value} onChange={(e) => onChange(e.currentTarget.value)} w={280} />;
}

/** The DataTable's own words. */
export function useTableLabels() {
  const tt = useTranslations("table");
  return { loading: tt("loading"), pageSize: tt("pageSize"), sort: tt("sort"), range: (from: number, to: number, total: number) => tt("range", { from, to, total }) };
}
