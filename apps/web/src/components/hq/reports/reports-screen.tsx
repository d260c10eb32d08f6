"use client";
import { Button, Group, Paper, Select, Stack, Switch, Tabs, Text, TextInput } from "@mantine/core";
import { parseDay, previousPeriod, REPORT_MAX_DAYS, daysInPeriod } from "@oms/contracts";
import { PageHeader } from "@oms/ui";
import { IconCalendar } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useLiveEvents } from "../../../realtime/live-provider.tsx";
import { useTRPC } from "../../../trpc/client.tsx";
import { FulfilmentSection } from "./fulfilment-section.tsx";
import { ProductsSection } from "./products-section.tsx";
import { ReturnsSection } from "./returns-section.tsx";
import { SalesSection } from "./sales-section.tsx";
import { SellThroughSection } from "./sell-through-section.tsx";
import { localToday, presetOf, presetPeriod, presets, reportTabs, searchOfState, stateFromSearch, type Preset, type ReportState, type ReportTab } from "./shared.tsx";

/**
 * HQ › Reports: one period (presets or two dates) with an optional comparison with the
 * previous period of equal length, and a tab per report, each with charts, a table and its
 * CSV. The period, comparison, location and tab live in the URL, so a report can be shared.
 */
export function ReportsScreen() {
  const t = useTranslations("hqReports");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const trpc = useTRPC();
  const today = useMemo(() => localToday(), []);
  const state = useMemo(() => stateFromSearch(new URLSearchParams(params.toString()), today), [params, today]);
  useLiveEvents();

  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  const update = (change: Partial<ReportState>) => {
    const next = { ...latest.current, ...change };
    latest.current = next;
    router.replace(`${pathname}?${searchOfState(next)}`, { scroll: false });
  };

  // The two date boxes are edited freely and applied when both make a valid period.
  const [draft, setDraft] = useState({ from: state.from, to: state.to });
  useEffect(() => {
    setDraft({ from: state.from, to: state.to });
  }, [state.from, state.to]);
  const draftError = (() => {
    if (!parseDay(draft.from)) return { field: "from", message: t("period.badDate") };
    if (!parseDay(draft.to)) return { field: "to", message: t("period.badDate") };
    if (draft.to < draft.from) return { field: "to", message: t("period.endBeforeStart") };
    if (daysInPeriod(draft.from, draft.to) > REPORT_MAX_DAYS) return { field: "to", message: t("period.tooLong", { days: REPORT_MAX_DAYS }) };
    return null;
  })();
  const draftChanged = draft.from !== state.from || draft.to !== state.to;

  const locations = useQuery(trpc.locations.list.queryOptions());
  const preset = presetOf(state, today);
  const days = daysInPeriod(state.from, state.to);
  const before = previousPeriod(state);
  const dayText = (d: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(parseDay(d)!);

  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Paper withBorder p="md" radius="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t("period.preset")}
            data={[...presets.map((p) => ({ value: p, label: t(`presets.${p}`) })), ...(preset ? [] : [{ value: "custom", label: t("presets.custom") }])]}
            value={preset ?? "custom"}
            onChange={(value) => value && value !== "custom" && update(presetPeriod(value as Preset, today))}
            allowDeselect={false}
            w={200}
            leftSection={<IconCalendar size={16} aria-hidden />}
          />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!draftError) update({ from: draft.from, to: draft.to });
            }}
          >
            <Group align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                type="date"
                label={t("period.from")}
                value={draft.from}
                onChange={(e) => setDraft((d) => ({ ...d, from: e.currentTarget.value }))}
                error={draftError?.field === "from" ? draftError.message : undefined}
                w={170}
                data-testid="period-from"
              />
              <TextInput
                type="date"
                label={t("period.to")}
                value={draft.to}
                onChange={(e) => setDraft((d) => ({ ...d, to: e.currentTarget.value }))}
                error={draftError?.field === "to" ? draftError.message : undefined}
                w={170}
                data-testid="period-to"
              />
              <Button type="submit" variant="light" disabled={!draftChanged || draftError !== null}>
                {t("period.apply")}
              </Button>
            </Group>
          </form>
          <Select
            label={t("period.location")}
            placeholder={t("period.allLocations")}
            data={(locations.data ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.code})` }))}
            value={state.locationId}
            onChange={(value) => update({ locationId: value })}
            clearable
            searchable
            w={240}
          />
          <Switch
            label={t("period.compare")}
            checked={state.compare}
            onChange={(e) => update({ compare: e.currentTarget.checked })}
            mb={8}
            data-testid="compare-toggle"
          />
        </Group>
        <Text size="sm" c="dimmed" mt="sm" data-testid="period-summary">
          {t("period.summary", { from: dayText(state.from), to: dayText(state.to), days })}
          {state.compare ? ` ${t("period.against", { from: dayText(before.from), to: dayText(before.to) })}` : ""} {t("period.calendarNote")}
        </Text>
      </Paper>
      <Tabs value={state.tab} onChange={(value) => value && update({ tab: value as ReportTab })} keepMounted={false}>
        <Tabs.List mb="lg">
          {reportTabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="sales">
          <SalesSection state={state} />
        </Tabs.Panel>
        <Tabs.Panel value="products">
          <ProductsSection state={state} />
        </Tabs.Panel>
        <Tabs.Panel value="sellThrough">
          <SellThroughSection state={state} />
        </Tabs.Panel>
        <Tabs.Panel value="returns">
          <ReturnsSection state={state} />
        </Tabs.Panel>
        <Tabs.Panel value="fulfilment">
          <FulfilmentSection state={state} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
