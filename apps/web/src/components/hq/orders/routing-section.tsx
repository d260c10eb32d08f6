"use client";
import { Accordion, Badge, Group, List, Stack, Text } from "@mantine/core";
import { DateTime } from "@oms/ui";
import { useTranslations } from "use-intl";
import { explainRoutingRun, type RoutingRun, type RoutingT } from "../routing-explanation.ts";
import { routingOutcomeColor, RoutingSentences } from "../routing-sentences.tsx";
import { Section } from "./order-sections.tsx";
import type { OrderDetail } from "./shared.ts";

function RunExplanation({ run, timeZone, locale, latest }: { run: RoutingRun; timeZone: string; locale: string; latest: boolean }) {
  const t = useTranslations("hqOrders.routing");
  const text = explainRoutingRun(run, t as unknown as RoutingT, locale);
  return (
    <Stack gap="xs" data-testid={latest ? "routing-latest" : undefined}>
      <Group gap="xs">
        <Badge color={routingOutcomeColor[run.outcome]} variant="light">
          {t(`outcome.${run.outcome}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {run.reason} · <DateTime value={run.at} timeZone={timeZone} locale={locale} /> · {t("rule", { name: run.trace.rule.name })}
        </Text>
      </Group>
      <RoutingSentences text={text} />
    </Stack>
  );
}

/**
 * Why the order went where it went: the latest routing run as sentences, earlier runs
 * (re-routing after a rejection, an address change, by hand) and the step-by-step log below.
 */
export function RoutingSection({ order, timeZone, locale }: { order: OrderDetail; timeZone: string; locale: string }) {
  const t = useTranslations("hqOrders.routing");
  const runs = order.routingTrace.runs;
  const latest = runs.at(-1);
  return (
    <Section title={t("title")} count={runs.length}>
      {!latest ? (
        <Text size="sm" c="dimmed">
          {t("none")}
        </Text>
      ) : (
        <Stack gap="sm">
          <RunExplanation run={latest} timeZone={timeZone} locale={locale} latest />
          <Accordion variant="separated" chevronPosition="left">
            <Accordion.Item value="steps">
              <Accordion.Control>
                <Text size="sm">{t("steps")}</Text>
              </Accordion.Control>
              <Accordion.Panel>
                <List size="sm" spacing={4} type="ordered">
                  {latest.trace.steps.map((step, i) => (
                    <List.Item key={i}>{step}</List.Item>
                  ))}
                </List>
              </Accordion.Panel>
            </Accordion.Item>
            {runs.length > 1 ? (
              <Accordion.Item value="earlier">
                <Accordion.Control>
                  <Text size="sm">{t("earlier", { count: runs.length - 1 })}</Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="md">
                    {runs
                      .slice(0, -1)
                      .reverse()
                      .map((run) => (
                        <RunExplanation key={run.at + run.reason} run={run} timeZone={timeZone} locale={locale} latest={false} />
                      ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ) : null}
          </Accordion>
        </Stack>
      )}
    </Section>
  );
}
