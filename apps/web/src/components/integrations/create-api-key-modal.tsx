"use client";
import { Alert, Button, Checkbox, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { apiScopes, type ApiScope } from "@oms/contracts";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { OneTimeSecret } from "./one-time-secret.tsx";
import { keyChannels, readServerError, scopeKey, type KeyChannel } from "./shared.ts";

type Fields = { name?: string; channel?: string; scopes?: string };

/**
 * "Create key": a form (name, channel, scopes), then the secret, shown this once with a
 * copy button. The server keeps only its hash, so closing the modal loses it for good.
 */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useTranslations("integrations");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [channel, setChannel] = useState<KeyChannel | null>(null);
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Fields>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; prefix: string; token: string } | null>(null);

  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async ({ apiKey, token }) => {
        setCreated({ name: apiKey.name, prefix: apiKey.prefix, token });
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
      onError: (error) => {
        const { message, fields } = readServerError(error);
        setFieldErrors({ name: fields.name, channel: fields.channel, scopes: fields.scopes });
        setServerError(message ?? t("create.failed"));
      },
    }),
  );

  function reset() {
    setName("");
    setChannel(null);
    setScopes([]);
    setFieldErrors({});
    setServerError(null);
    setCreated(null);
    create.reset();
  }

  function close() {
    onClose();
    reset();
  }

  // A message about a field goes away as soon as the person changes that field.
  function clearError(field: keyof Fields) {
    setFieldErrors((errors) => (errors[field] ? { ...errors, [field]: undefined } : errors));
  }

  function validate(): boolean {
    const errors: Fields = {};
    const trimmed = name.trim();
    if (!trimmed) errors.name = t("create.errors.nameRequired");
    else if (trimmed.length > 100) errors.name = t("create.errors.nameTooLong");
    if (!channel) errors.channel = t("create.errors.channelRequired");
    if (scopes.length === 0) errors.scopes = t("create.errors.scopesRequired");
    setFieldErrors(errors);
    return Object.keys(errors).length === 0;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setServerError(null);
    if (!validate() || !channel) return;
    create.mutate({ name: name.trim(), channel, scopes });
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t("create.createdTitle") : t("create.title")}
      size={created ? 720 : "lg"}
      centered
      // The secret is shown only once: a stray click outside must not throw it away.
      closeOnClickOutside={!created}
      closeButtonProps={{ "aria-label": t("create.close") }}
    >
      {created ? (
        <Stack gap="md">
          <Text size="sm">{t("create.createdIntro", { name: created.name, prefix: created.prefix })}</Text>
          <OneTimeSecret label={t("create.secretLabel")} value={created.token} warning={t("create.secretWarning")} />
          <Group justify="flex-end">
            <Button size="md" onClick={close}>
              {t("create.done")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            {serverError ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                {serverError}
              </Alert>
            ) : null}
            <TextInput
              label={t("create.name")}
              description={t("create.nameHint")}
              placeholder={t("create.namePlaceholder")}
              size="md"
              data-autofocus
              maxLength={120}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                clearError("name");
              }}
              error={fieldErrors.name}
              required
            />
            <Radio.Group
              label={t("create.channel")}
              description={t("create.channelHint")}
              value={channel}
              onChange={(value) => {
                setChannel(value as KeyChannel);
                clearError("channel");
              }}
              error={fieldErrors.channel}
              required
            >
              <SimpleGrid cols={2} spacing="xs" mt="xs">
                {keyChannels.map((value) => (
                  <Radio.Card key={value} value={value} p="sm" radius="md" mih={48}>
                    <Group gap="sm" wrap="nowrap">
                      <Radio.Indicator />
                      <Text size="sm" fw={500}>
                        {t(`channels.${value}`)}
                      </Text>
                    </Group>
                  </Radio.Card>
                ))}
              </SimpleGrid>
            </Radio.Group>
            <Checkbox.Group
              label={t("create.scopes")}
              description={t("create.scopesHint")}
              value={scopes}
              onChange={(value) => {
                setScopes(value as ApiScope[]);
                clearError("scopes");
              }}
              error={fieldErrors.scopes}
              required
            >
              <SimpleGrid cols={2} spacing="xs" mt="xs">
                {apiScopes.map((scope) => (
                  <Checkbox.Card key={scope} value={scope} p="sm" radius="md" mih={48}>
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <Checkbox.Indicator mt={2} />
                      <Stack gap={0}>
                        <Text size="sm" fw={500}>
                          {t(`scopes.${scopeKey[scope]}.label`)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          <Text span ff="monospace" size="xs">
                            {scope}
                          </Text>
                          {" · "}
                          {t(`scopes.${scopeKey[scope]}.hint`)}
                        </Text>
                      </Stack>
                    </Group>
                  </Checkbox.Card>
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" size="md" onClick={close}>
                {t("create.cancel")}
              </Button>
              <Button type="submit" size="md" loading={create.isPending}>
                {t("create.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
