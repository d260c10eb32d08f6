/**
 * Sorts report rows by one column (text by locale, numbers numerically, missing values
 * last when descending) with a stable tiebreak, then cuts one page: the groups of a report
 * are few (at most one per product) and their order can depend on converted amounts.
 */
export function sortAndPage<T>(
  rows: readonly T[],
  value: (row: T) => string | number | null,
  options: { desc: boolean; tiebreak: (row: T) => string; page: number; pageSize: number },
): { rows: T[]; total: number } {
  const sorted = [...rows].sort((a, b) => {
    const x = value(a) ?? -Infinity;
    const y = value(b) ?? -Infinity;
    const order = typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : Number(x) - Number(y);
    return (options.desc ? -order : order) || options.tiebreak(a).localeCompare(options.tiebreak(b));
  });
  const start = options.page * options.pageSize;
  return { rows: sorted.slice(start, start + options.pageSize), total: sorted.length };
}
