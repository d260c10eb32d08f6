"use client";
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { readServerError } from "../../integrations/shared.ts";

export interface ResolveTarget {
  id: string;
  title: string;
  instruction: string;
}

/**
 * Closes a task with a note of what was done (tasks.resolve). A validation task re-checks
 * its order on the server, so the order and task lists are refreshed afterwards.
 */
export function ResolveTaskModal({ target, onClose }: { target: ResolveTarget | null; onClose: () => void }) {
  const t = useTranslations("hqTasks.resolve");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [touched, setTouched] = useState(false);
  const resolve = useMutation(
    trpc.tasks.resolve.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("done", { title: target?.title ?? "" }) });
        close();
        await Promise.all([queryClient.invalidateQueries(trpc.tasks.pathFilter()), queryClient.invalidateQueries(trpc.orders.pathFilter())]);
      },
    }),
  );

  function close() {
    resolve.reset();
    setNote("");
    setTouched(false);
    onClose();
  }

  const server = resolve.error ? readServerError(resolve.error) : null;
  const missing = touched && note.trim() === "" ? t("noteMissing") : null;

  return (
    <Modal opened={target !== null} onClose={close} title={t("title")} centered size="lg" closeButtonProps={{ "aria-label": t("close") }}>
      {target ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTouched(true);
            if (note.trim() === "") return;
            resolve.mutate({ taskId: target.id, resolution: note.trim() });
          }}
        >
          <Stack gap="md">
            {server?.message && !server.fields.resolution ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                {server.message}
              </Alert>
            ) : null}
            <Stack gap={4}>
              <Text fw={600}>{target.title}</Text>
              <Text size="sm" c="dimmed">
                {target.instruction}
              </Text>
            </Stack>
            <Textarea
              label={t("note")}
              description={t("noteHint")}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={missing ?? server?.fields.resolution}
              autosize
              minRows={3}
              maxLength={1000}
              required
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t("cancel")}
              </Button>
              <Button type="submit" color="teal" loading={resolve.isPending}>
                {t("confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
