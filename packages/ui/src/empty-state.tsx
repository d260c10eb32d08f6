// Sub-components are imported by name (not EmptyState.Actions): in a server component
// Mantine's compound statics are not available on the client reference.
import { EmptyStateActions, EmptyState as MantineEmptyState } from "@mantine/core";
import type { ReactNode } from "react";

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  icon?: ReactNode;
  /** Buttons or links that get the person going. */
  action?: ReactNode;
}

/** Nothing to show yet, said plainly, with the next step when there is one. */
export function EmptyState({ title, description, icon, action }: EmptyStateProps) {
  return (
    <MantineEmptyState title={title} description={description} icon={icon} variant={icon ? "light" : undefined} py="xl">
      {action ? <EmptyStateActions>{action}</EmptyStateActions> : null}
    </MantineEmptyState>
  );
}
