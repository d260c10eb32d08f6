export { AppFrame, type AppFrameLink, type AppFrameNavItem, type AppFrameProps, type AppFrameUser } from "./app-frame.tsx";
export { DataTable, type DataTableColumn, type DataTableLabels, type DataTablePage, type DataTableProps, type DataTableSort } from "./data-table.tsx";
export { DateTime, type DateTimeProps } from "./date-time.tsx";
export { EmptyState, type EmptyStateProps } from "./empty-state.tsx";
export { ErrorState, type ErrorStateProps } from "./error-state.tsx";
export { Money, type MoneyProps } from "./money.tsx";
export { dateTimeText, moneyText, type DateTimeStyle } from "./format.ts";
export { Panel, type PanelProps } from "./panel.tsx";
