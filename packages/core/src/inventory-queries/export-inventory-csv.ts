import { AppError } from "@oms/contracts";
import { Prisma } from "@oms/db";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import {
  InventoryFilterInput,
  inventoryFilterSql,
  inventoryRowColumns,
  inventoryRowJoins,
  resolveInventoryFilter,
  toInventoryRow,
  type InventoryRawRow,
  type InventoryRow,
} from "./inventory-table.ts";

export const EXPORT_CHUNK_ROWS = 5_000;

export const ExportInventoryCsvInput = InventoryFilterInput.extend({
  /** From the previous chunk's `nextCursor`; omitted: the first chunk (with the header line). */
  cursor: z.string().max(400).optional(),
  chunkSize: z.number().int().min(1).max(EXPORT_CHUNK_ROWS).default(EXPORT_CHUNK_ROWS),
});
export type ExportInventoryCsvInput = z.input<typeof ExportInventoryCsvInput>;

export interface InventoryCsvChunk {
  /** CSV lines (CRLF-terminated); the first chunk starts with the header line. */
  csv: string;
  rows: number;
  nextCursor: string | null;
}

const columns: [string, (r: InventoryRow) => string | number | null][] = [
  ["SKU", (r) => r.sku],
  ["Product", (r) => r.productName],
  ["Variant", (r) => r.variantName],
  ["Category", (r) => r.categoryName],
  ["Location code", (r) => r.locationCode],
  ["Location", (r) => r.locationName],
  ["On hand", (r) => r.onHand],
  ["Reserved", (r) => r.reserved],
  ["ATP", (r) => r.available],
  ["In transit", (r) => r.inTransit],
  ["Safety stock", (r) => r.safetyStock],
  ["Reorder point", (r) => r.reorderPoint],
  ["Sold per day (28 days)", (r) => r.soldPerDay],
  ["Days of cover", (r) => r.daysOfCover],
  ["Low stock", (r) => (r.low ? "yes" : "no")],
];

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (= + - @ at the
 * start) gets a leading apostrophe: catalogue names are typed by people.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const inventoryCsvHeader = `${columns.map(([name]) => csvField(name)).join(",")}\r\n`;

export function inventoryCsvLine(row: InventoryRow): string {
  return `${columns.map(([, value]) => csvField(value(row))).join(",")}\r\n`;
}

const encodeCursor = (sku: string, code: string) => Buffer.from(JSON.stringify([sku, code])).toString("base64url");
function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === "string")) return parsed as [string, string];
  } catch {
    // fall through
  }
  throw new Error("invalid cursor");
}

/**
 * The filtered set as CSV, one chunk at a time, by SKU then location code (keyset paging on
 * that pair, so every chunk costs the same however deep it is). Call again with
 * `nextCursor` until it is null.
 */
export async function exportInventoryCsv(rawInput: ExportInventoryCsvInput, ctx: Pick<DomainContext, "db"> & { now?: Date }): Promise<InventoryCsvChunk> {
  const parsed = parseInput(ExportInventoryCsvInput, rawInput);
  const input = { ...parsed, ...(await resolveInventoryFilter(parsed, ctx.db)) };
  let after = Prisma.sql`TRUE`;
  if (input.cursor) {
    let sku: string, code: string;
    try {
      [sku, code] = decodeCursor(input.cursor);
    } catch {
      throw new AppError("VALIDATION_FAILED", "cursor: This export position is not valid; start the export again.", {
        fields: [{ path: ["cursor"], message: "Start the export again" }],
      });
    }
    after = Prisma.sql`v."sku" >= ${sku} AND (v."sku" > ${sku} OR loc."code" > ${code})`;
  }
  const raw = await ctx.db.$queryRaw<InventoryRawRow[]>`
    SELECT ${inventoryRowColumns} FROM "InventoryLevel" l ${inventoryRowJoins}
    WHERE ${inventoryFilterSql(input)} AND ${after}
    ORDER BY v."sku", loc."code" LIMIT ${input.chunkSize + 1}`;
  const page = raw.slice(0, input.chunkSize);
  const last = page.at(-1);
  const lines = page.map((r) => inventoryCsvLine(toInventoryRow(r))).join("");
  return {
    csv: (input.cursor ? "" : inventoryCsvHeader) + lines,
    rows: page.length,
    nextCursor: raw.length > input.chunkSize && last ? encodeCursor(last.sku, last.locationCode) : null,
  };
}
