"use client";
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { webhookEvents } from "@oms/contracts";
import { IconAlertCircle, IconCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { FormActions } from "../hq/form-actions.tsx";
import { OneTimeSecret } from "./one-time-secret.tsx";
import { readServerError } from "./shared.ts";

export interface SubscriptionTarget {
  id: string;
  url: string;
  events: string[];
}

type Field = "apiKeyId" | "url" | "events";
type WebhookEvent = (typeof webhookEvents)[number];
const eventKey = { "order.changed": "orderChanged", "fulfillment.changed": "fulfillmentChanged" } as const satisfies Record<WebhookEvent, string>;

/**
 * Add an endpoint for a key (then its signing secret, shown once) or change an endpoint's URL
 * and events. The form stays open on a field error, with the message on the field.
 */
export function WebhookSubscriptionModal({ editing, keys, onClose }: { editing: SubscriptionTarget | null; keys: { value: string; label: string }[]; onClose: () => void }) {
  const t = useTranslations("integrations.subscriptions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [apiKeyId, setApiKeyId] = useState<string | null>(keys.length === 1 ? keys[0]!.value : null);
  const [url, setUrl] = useState(editing?.url ?? "https://");
  const [events, setEvents] = useState<string[]>(editing?.events ?? ["order.changed"]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.subscriptions.queryKey() });
  const onError = (error: unknown) => {
    const { message, fields } = readServerError(error);
    setErrors(fields);
    setServerError(Object.keys(fields).length > 0 ? t("fixFields") : (message ?? t("failed")));
  };
  const create = useMutation(
    trpc.webhooks.createSubscription.mutationOptions({
      onSuccess: async (row) => {
        setSecret(row.secret);
        await refresh();
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.webhooks.updateSubscription.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", icon: <IconCheck size={18} />, message: t("updated") });
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  const saving = create.isPending || update.isPending;
  const clear = (field: Field) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));

  function submit(event: FormEvent) {
    event.preventDefault();
    setServerError(null);
    const chosen = events as WebhookEvent[];
    if (editing) update.mutate({ subscriptionId: editing.id, url: url.trim(), events: chosen });
    else create.mutate({ apiKeyId: apiKeyId ?? "", url: url.trim(), events: chosen });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={secret ? t("createdTitle") : editing ? t("editTitle") : t("createTitle")}
      size="lg"
      centered
      closeOnClickOutside={!secret}
      closeButtonProps={{ "aria-label": t("close") }}
    >
      {secret ? (
        <Stack gap="md">
          <Text size="sm">{t("createdIntro", { url })}</Text>
          <OneTimeSecret label={t("secretLabel")} value={secret} warning={t("secretWarning")} />
          <Group justify="flex-end">
            <Button size="md" onClick={onClose}>
              {t("done")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {serverError ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                {serverError}
              </Alert>
            ) : null}
            {editing ? null : (
              <Select
                label={t("key")}
                description={t("keyHint")}
                placeholder={t("chooseKey")}
                value={apiKeyId}
                data={keys}
                required
                error={errors.apiKeyId}
                disabled={saving}
                onChange={(value) => {
                  setApiKeyId(value);
                  clear("apiKeyId");
                }}
              />
            )}
            <TextInput
              label={t("url")}
              description={t("urlHint")}
              value={url}
              type="url"
              required
              data-autofocus
              maxLength={2000}
              error={errors.url}
              disabled={saving}
              onChange={(e) => {
                setUrl(e.currentTarget.value);
                clear("url");
              }}
            />
            <Checkbox.Group
              label={t("events")}
              description={t("eventsHint")}
              value={events}
              error={errors.events}
              onChange={(value) => {
                setEvents(value);
                clear("events");
              }}
              required
            >
              <Stack gap="xs" mt="xs">
                {webhookEvents.map((event) => (
                  <Checkbox
                    key={event}
                    value={event}
                    size="md"
                    disabled={saving}
                    label={
                      <span>
                        <Text span ff="monospace" size="sm">
                          {event}
                        </Text>
                        {" · "}
                        {t(`eventNames.${eventKey[event]}`)}
                      </span>
                    }
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <FormActions cancelText={t("cancel")} submitText={editing ? t("save") : t("create")} onCancel={onClose} saving={saving} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
