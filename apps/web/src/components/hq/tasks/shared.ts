// The task inbox's filters as a query string: what the "Export CSV" link carries and what
// the export route (/hq/tasks/export) reads back.
import { Role, TaskKindAny, TaskSortField, TaskStatus, type TaskInboxInput } from "@oms/contracts";

type Filters = Omit<TaskInboxInput, "page" | "pageSize">;

export function taskExportHref(input: Filters): string {
  const params = new URLSearchParams();
  if (input.locationId) params.set("location", input.locationId);
  if (input.assigneeRole?.length) params.set("role", input.assigneeRole.join(","));
  if (input.kind?.length) params.set("kind", input.kind.join(","));
  if (input.status?.length) params.set("status", input.status.join(","));
  if (input.olderThanHours) params.set("olderThan", String(input.olderThanHours));
  if (input.search) params.set("q", input.search);
  if (input.sort) {
    params.set("sort", input.sort.field);
    params.set("dir", input.sort.desc ? "desc" : "asc");
  }
  return `/hq/tasks/export?${params.toString()}`;
}

const list = <T extends string>(value: string | null, allowed: readonly T[]): T[] | undefined => {
  const picked = (value ?? "").split(",").filter((v): v is T => (allowed as readonly string[]).includes(v));
  return picked.length > 0 ? picked : undefined;
};

export function taskExportInput(q: URLSearchParams): Filters {
  const sort = TaskSortField.safeParse(q.get("sort"));
  const olderThan = Number(q.get("olderThan"));
  return {
    ...(q.get("location") ? { locationId: q.get("location")! } : {}),
    ...(list(q.get("role"), Role.options) ? { assigneeRole: list(q.get("role"), Role.options) } : {}),
    ...(list(q.get("kind"), TaskKindAny.options) ? { kind: list(q.get("kind"), TaskKindAny.options) } : {}),
    ...(list(q.get("status"), TaskStatus.options) ? { status: list(q.get("status"), TaskStatus.options) } : {}),
    ...(Number.isInteger(olderThan) && olderThan > 0 ? { olderThanHours: olderThan } : {}),
    ...(q.get("q")?.trim() ? { search: q.get("q")!.trim() } : {}),
    sort: { field: sort.success ? sort.data : "createdAt", desc: q.get("dir") === "desc" },
  };
}
