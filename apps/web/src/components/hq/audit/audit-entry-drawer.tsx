"use client";
import { Badge, Box, Code, Drawer, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { WEEKDAYS } from "@oms/contracts";
import { DateTime, ErrorState } from "@oms/ui";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { AnchorLink } from "../../links.tsx";
import { useAuditLabels } from "./labels.ts";
import { changeRows, otherData, readableValue } from "./shared.ts";

const entityLinks: Record<string, (id: string) => string> = {
  Location: (id) => `/hq/locations/${id}`,
  OrganizationSettings: () => "/hq/settings",
  ApiKey: () => "/hq/integrations",
  WebhookSubscription: () => "/hq/integrations",
  User: () => "/hq/staff",
};

/** One audit entry: who, when, what, and each changed field's value before and after. */
export function AuditEntryDrawer({ auditId, timeZone, onClose }: { auditId: string | null; timeZone: string; onClose: () => void }) {
  const t = useTranslations("hqAudit");
  const tc = useTranslations();
  const locale = useLocale();
  const labels = useAuditLabels();
  const trpc = useTRPC();
  const entry = useQuery({ ...trpc.audit.get.queryOptions({ auditId: auditId ?? "0" }), enabled: auditId !== null });
  const e = entry.data;
  const valueLabels = { yes: t("values.yes"), no: t("values.no"), none: t("values.none"), closed: t("values.closed"), day: (day: (typeof WEEKDAYS)[number]) => tc(`hqLocations.hours.short.${day}`) };
  const rows = e ? changeRows(e.data) : [];
  const other = e ? otherData(e.data) : {};
  const link = e?.entityId ? entityLinks[e.entityType]?.(e.entityId) : undefined;

  return (
    <Drawer opened={auditId !== null} onClose={onClose} position="right" size="xl" title={e ? labels.action(e.action) : t("detailTitle")} closeButtonProps={{ "aria-label": t("close") }}>
      {entry.isPending && auditId ? (
        <Group justify="center" p="xl">
          <Loader aria-label={t("loading")} />
        </Group>
      ) : entry.isError ? (
        <ErrorState title={t("detailFailed")} message={entry.error.message || tc("error.message")} retryLabel={tc("error.retry")} onRetry={() => void entry.refetch()} />
      ) : e ? (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <Field label={t("fieldsOf.when")}>
              <DateTime value={e.createdAt} timeZone={timeZone} locale={locale} />
            </Field>
            <Field label={t("fieldsOf.who")}>
              <Group gap={6}>
                <span>{e.actorName ?? (e.actorKind === "SYSTEM" ? t("system") : t("unknownActor"))}</span>
                <Badge size="xs" variant="light" tt="none">
                  {t(`actorKinds.${e.actorKind}`)}
                </Badge>
              </Group>
            </Field>
            <Field label={t("fieldsOf.what")}>
              <Code>{e.action}</Code>
            </Field>
            <Field label={t("fieldsOf.entity")}>
              {link ? (
                <AnchorLink href={link} size="sm">
                  {e.entityLabel ?? e.entityId}
                </AnchorLink>
              ) : (
                (e.entityLabel ?? e.entityId ?? "—")
              )}
              <Text size="xs" c="dimmed">
                {labels.entityType(e.entityType)}
                {e.entityId ? ` · ${e.entityId}` : ""}
              </Text>
            </Field>
            {e.ip ? (
              <Field label={t("fieldsOf.ip")}>
                <Code>{e.ip}</Code>
              </Field>
            ) : null}
          </SimpleGrid>

          {rows.length > 0 ? (
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t("changes")}
              </Title>
              <Table withTableBorder withColumnBorders verticalSpacing="xs" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="24%">{t("diff.field")}</Table.Th>
                    <Table.Th>{t("diff.before")}</Table.Th>
                    <Table.Th>{t("diff.after")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.field}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {labels.field(row.field)}
                        </Text>
                      </Table.Td>
                      <Table.Td bg="var(--mantine-color-red-light)">
                        <Value>{readableValue(row.before, valueLabels)}</Value>
                      </Table.Td>
                      <Table.Td bg="var(--mantine-color-teal-light)">
                        <Value>{readableValue(row.after, valueLabels)}</Value>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t("noChanges")}
            </Text>
          )}

          {Object.keys(other).length > 0 ? (
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t("details")}
              </Title>
              <Table withTableBorder verticalSpacing="xs">
                <Table.Tbody>
                  {Object.entries(other).map(([key, value]) => (
                    <Table.Tr key={key}>
                      <Table.Td w="30%">
                        <Text size="sm" fw={600}>
                          {labels.field(key)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Value>{readableValue(value, valueLabels)}</Value>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Box fz="sm">{children}</Box>
    </Stack>
  );
}

function Value({ children }: { children: string }) {
  return (
    <Text size="sm" component="div" dir="auto" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
      {children}
    </Text>
  );
}
