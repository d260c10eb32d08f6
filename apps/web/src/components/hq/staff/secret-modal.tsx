"use client";
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle, IconCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { readServerError } from "../../integrations/shared.ts";
import type { StaffRow } from "./shared.ts";

export type SecretKind = "password" | "pin";

/** Set a new password (ends the person's sessions) or a new PIN, or remove the PIN. */
export function SecretModal({ target, onClose }: { target: { user: StaffRow; kind: SecretKind } | null; onClose: () => void }) {
  const t = useTranslations("hqStaff.secret");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const kind = target?.kind ?? "password";
  const name = target?.user.name ?? "";

  const close = () => {
    setValue("");
    setError(null);
    onClose();
  };
  const done = async (message: string) => {
    notifications.show({ color: "teal", icon: <IconCheck size={18} />, message });
    await queryClient.invalidateQueries({ queryKey: trpc.staff.list.pathKey() });
    close();
  };
  const onError = (e: unknown) => {
    const { message, fields } = readServerError(e);
    setError(fields[kind] ?? message ?? t("failed"));
  };
  const setPassword = useMutation(trpc.staff.setPassword.mutationOptions({ onSuccess: () => done(t("passwordDone", { name })), onError }));
  const setPin = useMutation(trpc.staff.setPin.mutationOptions({ onSuccess: (row) => done(row.hasPin ? t("pinDone", { name }) : t("pinRemoved", { name })), onError }));
  const saving = setPassword.isPending || setPin.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    if (kind === "password") setPassword.mutate({ userId: target.user.id, password: value });
    else setPin.mutate({ userId: target.user.id, pin: value });
  }

  return (
    <Modal opened={target !== null} onClose={close} title={kind === "password" ? t("passwordTitle", { name }) : t("pinTitle", { name })} centered closeButtonProps={{ "aria-label": t("close") }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {kind === "password" ? (
            <Alert color="orange" variant="light" icon={<IconAlertCircle aria-hidden />}>
              {t("passwordEndsSessions")}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t("pinHint")}
            </Text>
          )}
          <PasswordInput
            label={kind === "password" ? t("newPassword") : t("newPin")}
            description={kind === "password" ? t("passwordRule") : t("pinRule")}
            value={value}
            data-autofocus
            autoComplete={kind === "password" ? "new-password" : "off"}
            inputMode={kind === "pin" ? "numeric" : undefined}
            maxLength={kind === "pin" ? 8 : 72}
            error={error}
            disabled={saving}
            onChange={(e) => {
              setValue(kind === "pin" ? e.currentTarget.value.replace(/\D/g, "") : e.currentTarget.value);
              setError(null);
            }}
          />
          <Group justify="space-between" gap="sm">
            {kind === "pin" && target?.user.hasPin ? (
              <Button variant="subtle" color="red" size="md" disabled={saving} onClick={() => target && setPin.mutate({ userId: target.user.id, pin: null })}>
                {t("removePin")}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" size="md" onClick={close} disabled={saving}>
                {t("cancel")}
              </Button>
              <Button type="submit" size="md" loading={saving}>
                {kind === "password" ? t("savePassword") : t("savePin")}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
