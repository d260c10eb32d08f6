import { TaskInboxInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { csvCell } from "../orders/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { listTaskInbox, type TaskInboxRow } from "./task-inbox.ts";

/** The most rows one task export holds; the response says when the filter matched more. */
export const TASK_EXPORT_MAX_ROWS = 10_000;
const PAGE = 200;

const HEADER = ["Created (UTC)", "Waiting (hours)", "Due (UTC)", "Kind", "Status", "Title", "Instruction", "Location code", "Location", "For role", "Order", "Order late", "Resolution", "Resolved (UTC)"];

function cells(row: TaskInboxRow, now: Date): (string | number | boolean)[] {
  return [
    row.createdAt.toISOString(),
    Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 3_600_000)),
    row.dueAt?.toISOString() ?? "",
    row.kind,
    row.status,
    row.title,
    row.instruction,
    row.location?.code ?? "HQ",
    row.location?.name ?? "Head office",
    row.assigneeRole,
    row.order?.number ?? "",
    row.order ? row.order.isLate : "",
    row.resolution ?? "",
    row.resolvedAt?.toISOString() ?? "",
  ];
}

/**
 * The task inbox's filtered set as CSV in the inbox's order (the caller scopes the location
 * as for `listTaskInbox`), up to TASK_EXPORT_MAX_ROWS, read page by page through the same
 * query the table uses. Times are UTC ISO 8601; text is escaped by `csvCell`.
 */
export async function exportTaskInboxCsv(rawInput: TaskInboxInput, ctx: Pick<DomainContext, "db" | "now">): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const input = parseInput(TaskInboxInput, rawInput);
  const lines = [HEADER.map(csvCell).join(",")];
  let rows = 0;
  let total = 0;
  for (let page = 0; rows < TASK_EXPORT_MAX_ROWS; page++) {
    const result = await listTaskInbox({ ...input, page, pageSize: PAGE }, ctx);
    total = result.total;
    for (const row of result.items.slice(0, TASK_EXPORT_MAX_ROWS - rows)) lines.push(cells(row, ctx.now).map(csvCell).join(","));
    rows = Math.min(TASK_EXPORT_MAX_ROWS, rows + result.items.length);
    if (result.items.length < PAGE) break;
  }
  return { csv: `${lines.join("\r\n")}\r\n`, rows, truncated: total > rows };
}
