"use client";
import { Alert, Button, Code, Group, Modal, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifications } from "@mantine/notifications";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { readServerError } from "./shared.ts";

export interface RevokeTarget {
  id: string;
  name: string;
  prefix: string;
}

/** Asks before revoking: a revoked key cannot be switched on again. */
export function RevokeApiKeyModal({ target, onClose }: { target: RevokeTarget | null; onClose: () => void }) {
  const t = useTranslations("integrations");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async (revoked) => {
        // Show it revoked at once, then refetch to be sure the list is the server's.
        queryClient.setQueryData(trpc.apiKeys.list.queryKey(), (keys) => keys?.map((key) => (key.id === revoked.id ? revoked : key)));
        notifications.show({ color: "teal", message: t("revoke.done", { name: revoked.name }) });
        close();
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );

  function close() {
    revoke.reset();
    onClose();
  }

  const error = revoke.error ? (readServerError(revoke.error).message ?? t("revoke.failed")) : null;

  return (
    <Modal opened={target !== null} onClose={close} title={t("revoke.title")} centered closeButtonProps={{ "aria-label": t("create.close") }}>
      {target ? (
        <Stack gap="md">
          {error ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {error}
            </Alert>
          ) : null}
          <Text size="sm">
            {t.rich("revoke.message", {
              name: target.name,
              prefix: target.prefix,
              strong: (chunks) => <strong>{chunks}</strong>,
              code: (chunks) => <Code>{chunks}</Code>,
            })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" onClick={close} data-autofocus>
              {t("revoke.cancel")}
            </Button>
            <Button color="red" size="md" loading={revoke.isPending} onClick={() => revoke.mutate({ apiKeyId: target.id })}>
              {t("revoke.confirm")}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
