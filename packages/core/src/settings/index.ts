// The organisation's settings (SLA, unclaimed pickups, till thresholds, reporting) as HQ
// reads and edits them; the modules that apply them read the row themselves.
export { getSettings } from "./get-settings.ts";
export { updateSettings } from "./update-settings.ts";
