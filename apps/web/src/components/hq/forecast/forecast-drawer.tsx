"use client";
import { CompositeChart } from "@mantine/charts";
import { Button, Drawer, Group, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { DateTime, ErrorState } from "@oms/ui";
import { IconCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { formatNumber } from "../inventory/shared.ts";
import { calendarDay, type ForecastRow } from "./shared.ts";
import { SuggestionCell } from "./suggestion-cell.tsx";

/** One level: its daily sales and velocity line over 28 days, its numbers and its suggestion. */
export function ForecastDrawer({ row, onClose, onAccept, accepting }: { row: ForecastRow | null; onClose: () => void; onAccept: (row: ForecastRow) => void; accepting: boolean }) {
  const t = useTranslations("hqForecast");
  const locale = useLocale();
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.forecast.history.queryOptions({ levelId: row?.id ?? "00000000-0000-0000-0000-000000000000" }), enabled: Boolean(row) });
  const num = (n: number, digits = 0) => formatNumber(locale, n, digits);
  const dayLabel = (date: string) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(calendarDay(date));

  return (
    <Drawer opened={Boolean(row)} onClose={onClose} position="right" size="xl" title={row ? <Title order={2} size="h4">{`${row.sku} · ${row.locationName}`}</Title> : null} closeButtonProps={{ "aria-label": t("close") }}>
      {row ? (
        <Stack gap="lg">
          <Text c="dimmed">
            {row.productName} · {row.variantName} · {row.categoryName}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Figure label={t("columns.soldPerDay")} value={num(row.soldPerDay, 2)} />
            <Figure label={t("columns.available")} value={num(row.available)} />
            <Figure label={t("columns.daysOfCover")} value={row.daysOfCover === null ? "∞" : num(row.daysOfCover, 1)} />
            <Figure
              label={t("columns.stockout")}
              value={row.stockoutDate ? <DateTime value={calendarDay(row.stockoutDate)} timeZone="UTC" locale={locale} format="date" /> : "—"}
            />
          </SimpleGrid>
          <Stack gap="xs">
            <Text fw={600}>{t("drawer.chartTitle")}</Text>
            <Text size="sm" c="dimmed">
              {t("drawer.chartHint")}
            </Text>
            {history.isPending ? (
              <Group justify="center" h={260}>
                <Loader aria-label={t("drawer.loading")} />
              </Group>
            ) : history.isError ? (
              <ErrorState title={t("drawer.failed")} message={history.error.message} retryLabel={t("retry")} onRetry={() => void history.refetch()} />
            ) : (
              <CompositeChart
                h={260}
                data={history.data.days.map((d) => ({ day: dayLabel(d.date), units: d.units, velocity: d.velocity }))}
                dataKey="day"
                withLegend
                withRightYAxis
                rightYAxisLabel={t("drawer.velocityAxis")}
                yAxisLabel={t("drawer.unitsAxis")}
                legendProps={{ verticalAlign: "bottom" }}
                valueFormatter={(value) => num(value, 2)}
                series={[
                  { name: "units", label: t("drawer.units"), color: "blue.4", type: "bar" },
                  { name: "velocity", label: t("drawer.velocity"), color: "orange.7", type: "line", yAxisId: "right" },
                ]}
                curveType="monotone"
                withDots={false}
                xAxisProps={{ interval: 6 }}
              />
            )}
          </Stack>
          <Stack gap="xs">
            <Text fw={600}>{t("columns.suggestion")}</Text>
            <Group justify="space-between" wrap="nowrap">
              <SuggestionCell row={row} />
              {row.suggestion ? (
                <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => onAccept(row)} loading={accepting}>
                  {t("accept")}
                </Button>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed">
              {t("drawer.rule", { incoming: row.incoming, outgoing: row.outgoing, safety: row.safetyStock })}
            </Text>
          </Stack>
        </Stack>
      ) : null}
    </Drawer>
  );
}

function Figure({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Stack>
  );
}
