"use client";
import { ActionIcon, Button, Group, Stack, Switch, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { WEEKDAYS, type OpeningHours, type OpeningRange, type Weekday } from "@oms/contracts";
import { IconCopy, IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslations } from "use-intl";

const DEFAULT_RANGE: OpeningRange = { open: "09:00", close: "18:00" };
const WORKDAYS: readonly Weekday[] = ["tue", "wed", "thu", "fri"];

/**
 * The week as a table: one row per weekday, a switch for open/closed and up to four ranges
 * (a lunch break is two ranges). Times are the location's local time. `errors` is keyed by
 * the server's path ("openingHours.mon.0.close"), so each message lands on its own box.
 */
export function OpeningHoursEditor({ value, onChange, errors, disabled }: { value: OpeningHours; onChange: (next: OpeningHours) => void; errors: Record<string, string>; disabled?: boolean }) {
  const t = useTranslations("hqLocations.hours");
  const setDay = (day: Weekday, ranges: OpeningRange[]) => onChange({ ...value, [day]: ranges });
  const setRange = (day: Weekday, index: number, patch: Partial<OpeningRange>) => setDay(day, value[day].map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed">
          {t("hint")}
        </Text>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconCopy size={16} aria-hidden />}
          disabled={disabled}
          onClick={() => onChange({ ...value, ...Object.fromEntries(WORKDAYS.map((d) => [d, value.mon.map((r) => ({ ...r }))])) })}
        >
          {t("copyMonday")}
        </Button>
      </Group>
      <Table verticalSpacing="xs" withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={140}>{t("day")}</Table.Th>
            <Table.Th w={120}>{t("open")}</Table.Th>
            <Table.Th>{t("ranges")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {WEEKDAYS.map((day) => {
            const ranges = value[day];
            const dayName = t(`days.${day}`);
            const dayError = errors[`openingHours.${day}`];
            return (
              <Table.Tr key={day} data-day={day}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {dayName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Switch
                    size="md"
                    checked={ranges.length > 0}
                    disabled={disabled}
                    aria-label={t("openOn", { day: dayName })}
                    label={ranges.length > 0 ? t("isOpen") : t("closed")}
                    onChange={(event) => setDay(day, event.currentTarget.checked ? [{ ...DEFAULT_RANGE }] : [])}
                  />
                </Table.Td>
                <Table.Td>
                  <Stack gap={6}>
                    {ranges.map((range, index) => {
                      const openError = errors[`openingHours.${day}.${index}.open`];
                      const closeError = errors[`openingHours.${day}.${index}.close`];
                      return (
                        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                          <TextInput
                            type="time"
                            size="sm"
                            w={130}
                            value={range.open}
                            disabled={disabled}
                            aria-label={t("opensAt", { day: dayName, n: index + 1 })}
                            error={openError}
                            onChange={(event) => setRange(day, index, { open: event.currentTarget.value })}
                          />
                          <Text size="sm" mt={6} aria-hidden>
                            –
                          </Text>
                          <TextInput
                            type="time"
                            size="sm"
                            w={130}
                            value={range.close}
                            disabled={disabled}
                            aria-label={t("closesAt", { day: dayName, n: index + 1 })}
                            error={closeError}
                            onChange={(event) => setRange(day, index, { close: event.currentTarget.value })}
                          />
                          <Tooltip label={t("removeRange")} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              size={36}
                              disabled={disabled}
                              aria-label={t("removeRangeOf", { day: dayName, n: index + 1 })}
                              onClick={() => setDay(day, ranges.filter((_, i) => i !== index))}
                            >
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      );
                    })}
                    {ranges.length > 0 && ranges.length < 4 ? (
                      <Group>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          leftSection={<IconPlus size={14} aria-hidden />}
                          disabled={disabled}
                          aria-label={t("addRangeOn", { day: dayName })}
                          onClick={() => {
                            const last = ranges.at(-1)!;
                            setDay(day, [...ranges, { open: last.close, close: last.close < "22:00" ? "22:00" : "23:59" }]);
                          }}
                        >
                          {t("addRange")}
                        </Button>
                      </Group>
                    ) : null}
                    {ranges.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t("closedAllDay")}
                      </Text>
                    ) : null}
                    {dayError ? (
                      <Text size="xs" c="red" role="alert">
                        {dayError}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
