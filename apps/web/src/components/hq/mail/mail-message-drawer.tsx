"use client";
import { Alert, Badge, Box, Button, Code, Drawer, Group, Loader, SimpleGrid, Stack, Tabs, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { DateTime, ErrorState } from "@oms/ui";
import { IconAlertCircle, IconSend } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { AnchorLink } from "../../links.tsx";
import { statusColor, type MailTemplate } from "./shared.ts";

/**
 * One message as the customer got it. The HTML is shown in an iframe with `srcdoc` and an
 * empty `sandbox` attribute: no scripts, no forms, no same-origin access, no navigation of
 * this page, whatever the stored HTML contains.
 */
export function MailMessageDrawer({ notificationId, timeZone, onClose }: { notificationId: string | null; timeZone: string; onClose: () => void }) {
  const t = useTranslations("mail");
  const tc = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const message = useQuery({ ...trpc.notifications.get.queryOptions({ notificationId: notificationId ?? "" }), enabled: notificationId !== null });
  const resend = useMutation(
    trpc.notifications.resend.mutationOptions({
      onSuccess: async (row) => {
        notifications.show({ color: "teal", message: t("resendDone", { recipient: row.recipient }) });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.notifications.get.queryKey({ notificationId: row.id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() }),
        ]);
      },
    }),
  );
  const m = message.data;

  return (
    <Drawer
      opened={notificationId !== null}
      onClose={() => {
        resend.reset();
        onClose();
      }}
      position="right"
      size="xl"
      title={m ? m.subject : t("detailTitle")}
      closeButtonProps={{ "aria-label": t("close") }}
    >
      {message.isPending && notificationId ? (
        <Group justify="center" p="xl">
          <Loader aria-label={t("loading")} />
        </Group>
      ) : message.isError ? (
        <ErrorState title={t("detailFailed")} message={message.error.message || tc("error.message")} retryLabel={tc("error.retry")} onRetry={() => void message.refetch()} />
      ) : m ? (
        <Stack gap="md">
          <Group gap="xs">
            <Badge color={statusColor[m.status]} variant="light" size="lg">
              {t(`status.${m.status}`)}
            </Badge>
            <Badge variant="outline" size="lg">
              {t(`channel.${m.channel}`)}
            </Badge>
            <Badge variant="default" size="lg">
              {t(`templates.${m.template as MailTemplate}`)}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6}>
            <Field label={t("fields.recipient")}>{m.recipient}</Field>
            <Field label={t("fields.order")}>{m.orderId && m.orderNumber ? <AnchorLink href={`/hq/orders/${m.orderId}`}>{m.orderNumber}</AnchorLink> : "—"}</Field>
            <Field label={t("fields.location")}>{m.locationName ?? "—"}</Field>
            <Field label={t("fields.provider")}>{m.provider ? <Code>{m.provider}</Code> : "—"}</Field>
            <Field label={t("fields.createdAt")}>
              <DateTime value={m.createdAt} timeZone={timeZone} locale={locale} />
            </Field>
            <Field label={t("fields.sentAt")}>{m.sentAt ? <DateTime value={m.sentAt} timeZone={timeZone} locale={locale} /> : "—"}</Field>
            <Field label={t("fields.attempts")}>{m.attempts}</Field>
            <Field label={t("fields.nextAttempt")}>{m.status === "QUEUED" ? <DateTime value={m.nextAttemptAt} timeZone={timeZone} locale={locale} /> : "—"}</Field>
            {m.providerMessageId ? (
              <Field label={t("fields.providerMessageId")}>
                <Code style={{ wordBreak: "break-all" }}>{m.providerMessageId}</Code>
              </Field>
            ) : null}
          </SimpleGrid>
          {m.lastError ? (
            <Alert color={m.status === "FAILED" ? "red" : "yellow"} variant="light" icon={<IconAlertCircle aria-hidden />} title={t("lastError")}>
              {m.lastError}
            </Alert>
          ) : null}
          {m.status === "FAILED" ? (
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed" maw={420}>
                {t("resendHint")}
              </Text>
              <Button size="md" leftSection={<IconSend size={18} aria-hidden />} loading={resend.isPending} onClick={() => resend.mutate({ notificationId: m.id })}>
                {t("resend")}
              </Button>
            </Group>
          ) : null}
          {resend.error ? (
            <Alert color="red" variant="light" role="alert">
              {resend.error.message || t("resendFailed")}
            </Alert>
          ) : null}
          <Tabs defaultValue={m.html ? "html" : "text"} keepMounted={false}>
            <Tabs.List>
              {m.html ? <Tabs.Tab value="html">{t("tabs.html")}</Tabs.Tab> : null}
              <Tabs.Tab value="text">{m.channel === "SMS" ? t("tabs.sms") : t("tabs.text")}</Tabs.Tab>
            </Tabs.List>
            {m.html ? (
              <Tabs.Panel value="html" pt="sm">
                <Box
                  component="iframe"
                  title={t("previewTitle", { subject: m.subject })}
                  sandbox=""
                  srcDoc={m.html}
                  referrerPolicy="no-referrer"
                  w="100%"
                  h={620}
                  style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: "var(--mantine-radius-md)", background: "white" }}
                />
              </Tabs.Panel>
            ) : null}
            <Tabs.Panel value="text" pt="sm">
              <Box component="pre" p="md" m={0} dir="auto" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word", fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13, background: "var(--mantine-color-gray-0)", borderRadius: "var(--mantine-radius-md)" }}>
                {m.body}
              </Box>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : null}
    </Drawer>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}
