"use client";
import { SegmentedControl, Stack, Text } from "@mantine/core";
import { useId } from "react";

/** A labelled row of choices above a table (state: all / active / off), the size of the other filters. */
export function SegmentedFilter<T extends string>({ label, value, onChange, data }: { label: string; value: T; onChange: (value: T) => void; data: { value: T; label: string }[] }) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="md" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} size="md" value={value} onChange={(next) => onChange(next as T)} data={data} />
    </Stack>
  );
}
