"use client";
import { Box, Button, Checkbox, Group, LoadingOverlay, Menu, Pagination, ScrollArea, Select, Skeleton, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconColumns3 } from "@tabler/icons-react";
import {
  columnVisibilityFeature,
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type PaginationState,
  type RowData,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";

// Server-side only: sorting and paging are done by the procedure that returns the page,
// the table renders what it gets and reports what the person asked for.
const features = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });

export interface DataTableColumn<TData extends RowData> {
  id: string;
  header: string;
  /** The cell's content. */
  cell: (row: TData) => ReactNode;
  /** The person may sort by this column (the server must support it). */
  sortable?: boolean;
  /** Numbers and money line up on the end side. */
  align?: "start" | "end";
  /** CSS width, e.g. 120 or "20%". */
  width?: number | string;
  /** With `columnVisibility`: false keeps the column always shown (e.g. the row's name). */
  hideable?: boolean;
}

/** Which columns are hidden, controlled by the caller (which may remember the choice). */
export interface DataTableColumnVisibility {
  hidden: readonly string[];
  onChange: (hidden: string[]) => void;
}

export type DataTableSort = { id: string; desc: boolean }[];
export interface DataTablePage {
  pageIndex: number;
  pageSize: number;
}

export interface DataTableLabels {
  loading: string;
  /** "Rows per page" */
  pageSize: string;
  /** Screen-reader text of a sortable header, e.g. "Sort by this column". */
  sort: string;
  /** e.g. (from, to, total) => `${from}–${to} of ${total}` */
  range: (from: number, to: number, total: number) => string;
  /** The column menu's button, e.g. "Columns" (needed with `columnVisibility`). */
  columns?: string;
}

export interface DataTableProps<TData extends RowData> {
  columns: DataTableColumn<TData>[];
  data: readonly TData[];
  getRowId: (row: TData) => string;
  labels: DataTableLabels;
  /** Shown in place of rows when there are none (use EmptyState). */
  empty: ReactNode;
  /** Accessible name of the table. */
  caption: string;
  loading?: boolean;
  /** Controlled sorting; omit for a table without sorting. */
  sorting?: { value: DataTableSort; onChange: (sort: DataTableSort) => void };
  /** Controlled paging with the total row count from the server; omit to show all rows. */
  pagination?: DataTablePage & { rowCount: number; onChange: (page: DataTablePage) => void; pageSizes?: number[] };
  /** Height of the scrolling body; the header stays in view. */
  maxHeight?: number | string;
  onRowClick?: (row: TData) => void;
  /** Lets the person hide and show columns from a menu above the table. */
  columnVisibility?: DataTableColumnVisibility;
  /** Shown above the table, before the column menu (filters, an export button). */
  toolbar?: ReactNode;
  /** Rows that need attention: "danger" tints the row red and marks its start edge. */
  rowTone?: (row: TData) => "danger" | "warning" | null;
}

// The tint goes on the row, the edge mark on its first cell (table rows draw no shadow).
const toneColor = { danger: "red", warning: "yellow" } as const;

const noRows: never[] = [];

export function DataTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  labels,
  empty,
  caption,
  loading = false,
  sorting,
  pagination,
  maxHeight,
  onRowClick,
  columnVisibility,
  toolbar,
  rowTone,
}: DataTableProps<TData>) {
  const columnDefs = useMemo(
    () =>
      columns.map(
        (column): ColumnDef<typeof features, TData> => ({
          id: column.id,
          header: column.header,
          accessorFn: (row: TData) => row,
          cell: (context) => column.cell(context.row.original),
          enableSorting: Boolean(sorting && column.sortable),
          enableHiding: column.hideable !== false,
        }),
      ),
    [columns, sorting],
  );

  const sortingState: SortingState = sorting?.value ?? noRows;
  const paginationState: PaginationState = pagination
    ? { pageIndex: pagination.pageIndex, pageSize: pagination.pageSize }
    : { pageIndex: 0, pageSize: Math.max(data.length, 1) };

  const visibilityState: ColumnVisibilityState = useMemo(
    () => Object.fromEntries((columnVisibility?.hidden ?? []).map((id) => [id, false])),
    [columnVisibility?.hidden],
  );

  const table = useTable({
    features,
    columns: columnDefs,
    data: data as TData[],
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    rowCount: pagination?.rowCount ?? data.length,
    state: { sorting: sortingState, pagination: paginationState, columnVisibility: visibilityState },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      if (!columnVisibility) return;
      const next = functionalUpdate(updater, visibilityState);
      columnVisibility.onChange(Object.keys(next).filter((id) => next[id] === false));
    },
    onSortingChange: (updater: Updater<SortingState>) => {
      if (!sorting) return;
      sorting.onChange(functionalUpdate(updater, sortingState));
      // A new order starts again at the first page.
      if (pagination) pagination.onChange({ pageIndex: 0, pageSize: pagination.pageSize });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      if (pagination) pagination.onChange(functionalUpdate(updater, paginationState));
    },
  });

  const columnById = new Map(columns.map((column) => [column.id, column]));
  const rows = table.getRowModel().rows;
  const showSkeleton = loading && rows.length === 0;
  const visibleColumns = columns.filter((column) => !(columnVisibility?.hidden.includes(column.id) && column.hideable !== false));

  const body = showSkeleton
    ? Array.from({ length: 3 }, (_, i) => (
        <Table.Tr key={`skeleton-${i}`} aria-hidden>
          {visibleColumns.map((column) => (
            <Table.Td key={column.id}>
              <Skeleton height={12} radius="sm" />
            </Table.Td>
          ))}
        </Table.Tr>
      ))
    : rows.length === 0
      ? [
          <Table.Tr key="empty">
            <Table.Td colSpan={visibleColumns.length}>{empty}</Table.Td>
          </Table.Tr>,
        ]
      : rows.map((row) => {
          const tone = rowTone?.(row.original) ?? null;
          return (
            <Table.Tr
              key={row.id}
              onClick={onRowClick ? () => onRowClick(row.original) : undefined}
              data-tone={tone ?? undefined}
              style={{ cursor: onRowClick ? "pointer" : undefined, background: tone ? `var(--mantine-color-${toneColor[tone]}-light)` : undefined }}
            >
              {row.getVisibleCells().map((cell, index) => (
                <Table.Td
                  key={cell.id}
                  style={{
                    textAlign: columnById.get(cell.column.id)?.align === "end" ? "end" : "start",
                    boxShadow: tone && index === 0 ? `inset 3px 0 0 var(--mantine-color-${toneColor[tone]}-6)` : undefined,
                  }}
                >
                  <table.FlexRender cell={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
          );
        });

  const total = pagination?.rowCount ?? data.length;
  const pageCount = pagination ? Math.max(1, Math.ceil(pagination.rowCount / pagination.pageSize)) : 1;
  const from = pagination ? Math.min(total, pagination.pageIndex * pagination.pageSize + 1) : total > 0 ? 1 : 0;
  const to = pagination ? Math.min(total, (pagination.pageIndex + 1) * pagination.pageSize) : total;

  const columnMenu = columnVisibility ? (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" leftSection={<IconColumns3 size={16} aria-hidden />}>
          {labels.columns ?? "Columns"}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {table
          .getAllLeafColumns()
          .filter((column) => column.getCanHide())
          .map((column) => (
            <Menu.Item key={column.id} onClick={() => column.toggleVisibility()} role="menuitemcheckbox" aria-checked={column.getIsVisible()}>
              <Checkbox
                size="xs"
                checked={column.getIsVisible()}
                readOnly
                tabIndex={-1}
                aria-hidden
                label={columnById.get(column.id)?.header ?? column.id}
                styles={{ input: { cursor: "pointer" }, label: { cursor: "pointer" } }}
              />
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  ) : null;

  return (
    <Box pos="relative">
      {toolbar || columnMenu ? (
        <Group justify="space-between" align="flex-end" gap="sm" mb="sm" wrap="wrap">
          <Box style={{ flex: 1, minInlineSize: 0 }}>{toolbar}</Box>
          {columnMenu}
        </Group>
      ) : null}
      <LoadingOverlay visible={loading && rows.length > 0} overlayProps={{ blur: 1 }} loaderProps={{ "aria-label": labels.loading } as never} />
      <ScrollArea.Autosize mah={maxHeight} type="auto">
        <Table stickyHeader highlightOnHover={Boolean(onRowClick)} verticalSpacing="sm" aria-busy={loading}>
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const column = columnById.get(header.column.id);
                  const sorted = header.column.getIsSorted();
                  const align = column?.align === "end" ? "end" : "start";
                  return (
                    <Table.Th
                      key={header.id}
                      style={{ textAlign: align, inlineSize: column?.width }}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : header.column.getCanSort() ? "none" : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600} fz="sm">
                          <Group gap={4} wrap="nowrap" justify={align === "end" ? "flex-end" : "flex-start"}>
                            <table.FlexRender header={header} />
                            {sorted === "asc" ? (
                              <IconArrowUp size={14} aria-hidden />
                            ) : sorted === "desc" ? (
                              <IconArrowDown size={14} aria-hidden />
                            ) : (
                              <IconArrowsSort size={14} aria-hidden opacity={0.5} />
                            )}
                            <VisuallyHidden>{labels.sort}</VisuallyHidden>
                          </Group>
                        </UnstyledButton>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>{body}</Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {pagination && total > 0 ? (
        <Group justify="space-between" mt="sm" gap="sm">
          <Text size="sm" c="dimmed">
            {labels.range(from, to, total)}
          </Text>
          <Group gap="sm">
            {pagination.pageSizes && pagination.pageSizes.length > 1 ? (
              <Select
                aria-label={labels.pageSize}
                size="xs"
                w={88}
                data={pagination.pageSizes.map(String)}
                value={String(pagination.pageSize)}
                allowDeselect={false}
                onChange={(value) => value && table.setPageSize(Number(value))}
              />
            ) : null}
            <Pagination size="sm" total={pageCount} value={pagination.pageIndex + 1} onChange={(page) => table.setPageIndex(page - 1)} />
          </Group>
        </Group>
      ) : null}
    </Box>
  );
}
