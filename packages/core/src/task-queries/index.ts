// Read queries over tasks (the orders module creates and resolves them: resolveTask).
export { listTasks, type TaskSummary } from "./list-tasks.ts";
export { listTaskInbox, type TaskInboxPage, type TaskInboxRow } from "./task-inbox.ts";
export { exportTaskInboxCsv, TASK_EXPORT_MAX_ROWS } from "./export-task-inbox-csv.ts";
