"use client";
import { useLocalStorage } from "@mantine/hooks";
import { DataTable, ErrorState, type DataTableColumn, type DataTablePage, type DataTableSort } from "@oms/ui";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useTableLabels } from "../table-labels.ts";

/**
 * A server-paged HQ table on one query: its error with a retry, or the rows with the
 * total the server counted; the previous page stays shown (dimmed) while the next loads.
 */
export function QueryTable<T extends object>({
  query,
  errorTitle,
  caption,
  columns,
  getRowId,
  page,
  onPageChange,
  pageSizes = [25, 50, 100],
  sorting,
  onRowClick,
  empty,
  hiddenColumnsKey,
}: {
  query: UseQueryResult<{ rows: T[]; total: number }, { message: string }> & { isPlaceholderData: boolean };
  errorTitle: string;
  caption: string;
  columns: DataTableColumn<T>[];
  getRowId: (row: T) => string;
  page: DataTablePage;
  onPageChange: (page: DataTablePage) => void;
  pageSizes?: number[];
  sorting?: { value: DataTableSort; onChange: (sort: DataTableSort) => void };
  onRowClick?: (row: T) => void;
  empty: ReactNode;
  /** Where this browser keeps the columns the person hid (the column menu), e.g. "oms-hq-staff-hidden-columns". */
  hiddenColumnsKey: string;
}) {
  const tc = useTranslations();
  const labels = useTableLabels();
  const [hidden, setHidden] = useLocalStorage<string[]>({ key: hiddenColumnsKey, defaultValue: [] });
  if (query.isError) {
    return <ErrorState title={errorTitle} message={query.error.message || tc("error.message")} retryLabel={tc("error.retry")} onRetry={() => void query.refetch()} />;
  }
  return (
    <DataTable
      caption={caption}
      columns={columns}
      data={query.data?.rows ?? []}
      getRowId={getRowId}
      loading={query.isPending || (query.isFetching && query.isPlaceholderData)}
      sorting={sorting}
      pagination={{ ...page, rowCount: query.data?.total ?? 0, onChange: onPageChange, pageSizes }}
      onRowClick={onRowClick}
      columnVisibility={{ hidden, onChange: setHidden }}
      // A scrolling body of its own, so the header stays in view (sticky) like the other HQ tables.
      maxHeight="calc(100vh - 320px)"
      labels={labels}
      empty={empty}
    />
  );
}
