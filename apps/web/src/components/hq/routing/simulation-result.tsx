"use client";
import { Accordion, Badge, Group, List, Paper, Stack, Table, Text } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useLocale, useTranslations } from "use-intl";
import { explainRoutingRun, whyNot, type RoutingRun, type RoutingT } from "../routing-explanation.ts";
import { routingOutcomeColor, RoutingSentences } from "../routing-sentences.tsx";
import type { RoutingSimulation } from "./draft.ts";

/**
 * The simulator's answer, in the words of the HQ order page ("Would ship from …"), then
 * every location with the reason it was or was not chosen, then the engine's own steps.
 */
export function SimulationResult({ simulation }: { simulation: RoutingSimulation }) {
  const t = useTranslations("hqRouting.sim");
  const tRouting = useTranslations("hqOrders.routing");
  const tKind = useTranslations("locationKinds");
  const locale = useLocale();
  const { result } = simulation;
  // The order page's sentences, with "Sent to" told as what would happen.
  const words: RoutingT = (key, values) => (key === "sent" ? t("wouldSend", values) : key === "couldSend" ? t("couldSend", values) : (tRouting as unknown as RoutingT)(key, values));
  const run: RoutingRun = { at: "", reason: "", outcome: result.outcome, assignments: result.assignments, unassigned: result.unassigned, trace: result.trace };
  const text = explainRoutingRun(run, words, locale);
  const units = simulation.items.reduce((s, i) => s + i.quantity, 0);
  const chosen = new Set(result.assignments.map((a) => a.locationId));
  const km = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const candidates = [...result.trace.candidates].sort(
    (a, b) => Number(chosen.has(b.locationId)) - Number(chosen.has(a.locationId)) || (a.rank ?? 1e9) - (b.rank ?? 1e9) || (a.distanceKm ?? 1e9) - (b.distanceKm ?? 1e9),
  );

  return (
    <Paper withBorder p="md" radius="md" data-testid="simulation-result" aria-live="polite">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={routingOutcomeColor[result.outcome]} variant="light">
            {tRouting(`outcome.${result.outcome}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t(simulation.ruleSet === "DRAFT" ? "usedDraft" : "usedSaved", { name: result.trace.rule.name })}
          </Text>
        </Group>
        <RoutingSentences text={text} size="md" />

        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} fz="sm" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("col.location")}</Table.Th>
                <Table.Th ta="end">{t("col.distance")}</Table.Th>
                <Table.Th ta="end">{t("col.fillable")}</Table.Th>
                <Table.Th ta="end">{t("col.rank")}</Table.Th>
                <Table.Th>{t("col.outcome")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.map((c) => {
                const isChosen = chosen.has(c.locationId);
                return (
                  <Table.Tr key={c.locationId} data-testid="simulation-candidate" data-code={c.code}>
                    <Table.Td>
                      <Text size="sm" fw={isChosen ? 600 : 400}>
                        {c.code} {c.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {tKind(c.kind)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="end">{c.distanceKm === null ? "—" : `${km.format(c.distanceKm)} km`}</Table.Td>
                    <Table.Td ta="end">{t("fillable", { have: c.fillableUnits, units })}</Table.Td>
                    <Table.Td ta="end">{c.rank ?? "—"}</Table.Td>
                    <Table.Td>
                      {isChosen ? (
                        <Group gap={4} wrap="nowrap">
                          <IconCheck size={14} color="var(--mantine-color-teal-7)" aria-hidden />
                          <Text size="sm" c="teal.8" fw={500}>
                            {t("chosen")}
                          </Text>
                        </Group>
                      ) : (
                        <Text size="sm">{whyNot(c, units, tRouting as unknown as RoutingT, locale)}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        <Accordion variant="separated" chevronPosition="left">
          <Accordion.Item value="steps">
            <Accordion.Control>
              <Text size="sm">{tRouting("steps")}</Text>
            </Accordion.Control>
            <Accordion.Panel>
              <List size="sm" spacing={4} type="ordered">
                {result.trace.steps.map((step, i) => (
                  <List.Item key={i}>{step}</List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Paper>
  );
}
