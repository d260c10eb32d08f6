// The routing editor's draft: the rule list as the manager edits it, before anything is
// saved. The simulator and the replay run on it; "Save rules" sends it whole
// (routingRules.save, one transaction). Pure functions, tested in draft.test.ts.
import type { AppRouter } from "@oms/api";
import { builtInRuleSettings, RoutingFilters, routingRuleSettings, type Channel, type DraftRoutingRule, type FulfillmentType, type RoutingCriterion, type RoutingFallback, type SplitPolicy } from "@oms/contracts";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type SavedRule = Outputs["routingRules"]["list"][number];
export type RoutingNetwork = Outputs["routingRules"]["network"];
export type RoutingSimulation = Outputs["routingRules"]["simulate"];
export type RoutingReplay = Outputs["routingRules"]["replay"];

export const criteria = ["DISTANCE", "STOCK_DEPTH", "LOAD"] as const satisfies readonly RoutingCriterion[];
export const fallbacks = ["BACKORDER", "PREORDER", "DROPSHIP"] as const satisfies readonly RoutingFallback[];
export const splitPolicies = ["WHEN_NEEDED", "NEVER", "MAX_SHIPMENTS"] as const satisfies readonly SplitPolicy[];

export interface DraftRule {
  /** Stable key for React and for finding the rule again: the id, or "new-<n>" until saved. */
  key: string;
  id: string | null;
  name: string;
  active: boolean;
  marketCode: string | null;
  channel: Channel | null;
  fulfillmentType: FulfillmentType | null;
  filters: RoutingFilters;
  ranking: RoutingCriterion[];
  splitPolicy: SplitPolicy;
  maxShipments: number | null;
  fallbacks: RoutingFallback[];
  /** A saved rule whose stored settings do not parse (routing skips it): shown, with defaults in the form. */
  unreadable?: boolean;
}

export function fromSaved(rules: SavedRule[]): DraftRule[] {
  return rules.map((r) => ({
    key: r.id,
    id: r.id,
    name: r.name,
    active: r.active,
    marketCode: r.marketCode,
    channel: r.channel,
    fulfillmentType: r.fulfillmentType,
    filters: r.filters ?? RoutingFilters.parse({}),
    ranking: r.ranking ?? ["DISTANCE"],
    splitPolicy: r.splitPolicy,
    maxShipments: r.maxShipments,
    fallbacks: r.fallbacks,
    ...(r.valid ? {} : { unreadable: true }),
  }));
}

let newRules = 0;
/** A new rule with the built-in default's settings, for any order. */
export function newRule(): DraftRule {
  newRules += 1;
  return {
    key: `new-${newRules}`,
    id: null,
    name: "",
    active: true,
    marketCode: null,
    channel: null,
    fulfillmentType: null,
    ...structuredClone(builtInRuleSettings),
  };
}

/** Priorities follow the list: 10, 20, 30 … (the server numbers them the same way on save). */
export const priorityAt = (index: number) => (index + 1) * 10;

/** The draft as the API takes it (simulate, replay, save). */
export function toInput(draft: DraftRule[]): DraftRoutingRule[] {
  return draft.map((r, i) => ({
    ...routingRuleSettings({ ...r, priority: priorityAt(i) }),
    id: r.id,
    active: r.active,
    maxShipments: r.splitPolicy === "MAX_SHIPMENTS" ? r.maxShipments : null,
  }));
}

/** `list` with the item at `index` moved by `delta` places (clamped to the list). */
export function move<T>(list: T[], index: number, delta: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, index + delta));
  if (target === index) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item!);
  return next;
}

/** A rule's settings without its place in the list. */
const settingsOf = (r: DraftRule) => JSON.stringify({ ...toInput([r])[0], priority: 0 });

export type RuleChange = "new" | "edited" | "moved" | null;

/** How a draft rule differs from what is saved. */
export function changeOf(saved: DraftRule[], draft: DraftRule[], index: number): RuleChange {
  const rule = draft[index]!;
  if (rule.id === null) return "new";
  const before = saved.find((s) => s.id === rule.id);
  if (!before) return "new";
  if (settingsOf(before) !== settingsOf(rule)) return "edited";
  // Moved: its place among the rules that were saved before differs.
  const keptSaved = saved.filter((s) => draft.some((d) => d.id === s.id)).map((s) => s.id);
  const keptDraft = draft.filter((d) => d.id !== null).map((d) => d.id);
  return keptSaved.indexOf(rule.id) !== keptDraft.indexOf(rule.id) ? "moved" : null;
}

export interface DraftSummary {
  added: number;
  edited: number;
  moved: number;
  removed: number;
}

export function summarize(saved: DraftRule[], draft: DraftRule[]): DraftSummary {
  const counts: DraftSummary = { added: 0, edited: 0, moved: 0, removed: 0 };
  draft.forEach((_, i) => {
    const change = changeOf(saved, draft, i);
    if (change === "new") counts.added += 1;
    else if (change === "edited") counts.edited += 1;
    else if (change === "moved") counts.moved += 1;
  });
  counts.removed = saved.filter((s) => !draft.some((d) => d.id === s.id)).length;
  return counts;
}

export const isDirty = (s: DraftSummary) => s.added + s.edited + s.moved + s.removed > 0;

/** The saved rules the draft started from, for the save's conflict check. */
export function basedOn(rules: SavedRule[]): { id: string; updatedAt: Date }[] {
  return rules.map((r) => ({ id: r.id, updatedAt: r.updatedAt }));
}

/** Field messages of a failed call, keyed by the whole path ("rules.1.name", "items.0.sku"). */
export function fieldErrors(error: unknown): Record<string, string> {
  const data = (error as { data?: { fields?: { path: (string | number)[]; message: string }[] } } | null)?.data;
  const fields: Record<string, string> = {};
  for (const issue of data?.fields ?? []) {
    const key = issue.path.join(".");
    if (!fields[key]) fields[key] = issue.message;
  }
  return fields;
}

/** The field messages under `prefix` ("rules.2"), keyed by the rest of the path ("name"). */
export function fieldsUnder(fields: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = message;
  }
  return out;
}
