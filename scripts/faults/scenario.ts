// The result every fault scenario returns: named checks (PASS/FAIL with a detail line) and
// the figures it measured, printed in the summary and written to the JSON report.
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Scenario {
  name: string;
  checks: Check[];
  figures: Record<string, number | string>;
}
