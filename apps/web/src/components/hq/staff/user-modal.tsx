"use client";
import { Alert, Modal, PasswordInput, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Role } from "@oms/contracts";
import { IconAlertCircle, IconCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { readServerError } from "../../integrations/shared.ts";
import { FormActions } from "../form-actions.tsx";
import { ROLES, type StaffRow } from "./shared.ts";

type Field = "name" | "email" | "role" | "homeLocationId" | "password" | "pin";

/**
 * Add a person (name, e-mail, role, home store, password and/or PIN) or change one (name,
 * role, home store). The server's rules are the sign-in's own; its messages land on the field.
 */
export function UserModal({ opened, user, locations, onClose }: { opened: boolean; user: StaffRow | null; locations: { value: string; label: string }[]; onClose: () => void }) {
  const t = useTranslations("hqStaff");
  const tc = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user?.name ?? "");
  const [email, setEmail] = useState(user?.email ?? "");
  const [role, setRole] = useState<Role>(user?.role ?? "CASHIER");
  const [homeLocationId, setHome] = useState<string | null>(user?.homeLocationId ?? null);
  const [password, setPassword] = useState("");
  const [pin, setPin] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);

  const done = async (message: string) => {
    notifications.show({ color: "teal", icon: <IconCheck size={18} />, message });
    await queryClient.invalidateQueries({ queryKey: trpc.staff.list.pathKey() });
    onClose();
  };
  const onError = (error: unknown) => {
    const { message, fields } = readServerError(error);
    setErrors(fields);
    setServerError(Object.keys(fields).length > 0 ? t("form.fixFields") : (message ?? t("form.failed")));
  };
  const create = useMutation(trpc.staff.create.mutationOptions({ onSuccess: (row) => done(t("form.created", { name: row.name })), onError }));
  const update = useMutation(trpc.staff.update.mutationOptions({ onSuccess: (row) => done(t("form.updated", { name: row.name })), onError }));
  const saving = create.isPending || update.isPending;
  const storeRole = role !== "ADMIN";

  const clear = (field: Field) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));

  function submit(event: FormEvent) {
    event.preventDefault();
    setServerError(null);
    const home = storeRole ? homeLocationId : null;
    if (user) update.mutate({ userId: user.id, name, role, homeLocationId: home });
    else create.mutate({ name, email, role, homeLocationId: home, ...(password ? { password } : {}), ...(storeRole && pin ? { pin } : {}) });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={user ? t("form.editTitle", { name: user.name }) : t("form.createTitle")} size="lg" centered closeButtonProps={{ "aria-label": t("form.close") }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {serverError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {serverError}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("fields.name")}
              value={name}
              data-autofocus
              required
              maxLength={120}
              disabled={saving}
              error={errors.name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                clear("name");
              }}
            />
            <TextInput
              label={t("fields.email")}
              type="email"
              value={email}
              required
              disabled={saving || user !== null}
              description={user ? t("form.emailFixed") : undefined}
              error={errors.email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
                clear("email");
              }}
            />
            <Select
              label={t("fields.role")}
              value={role}
              allowDeselect={false}
              required
              disabled={saving}
              error={errors.role}
              data={ROLES.map((value) => ({ value, label: tc(`roles.${value}`) }))}
              onChange={(value) => {
                if (value) setRole(value as Role);
                clear("role");
                clear("homeLocationId");
              }}
            />
            <Select
              label={t("fields.homeLocation")}
              description={storeRole ? t("form.homeHint") : t("form.adminNoHome")}
              placeholder={storeRole ? t("form.chooseHome") : t("filters.wholeNetwork")}
              value={storeRole ? homeLocationId : null}
              searchable
              required={storeRole}
              disabled={saving || !storeRole}
              error={errors.homeLocationId}
              data={locations}
              onChange={(value) => {
                setHome(value);
                clear("homeLocationId");
              }}
            />
          </SimpleGrid>
          {user ? null : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <PasswordInput
                label={t("fields.password")}
                description={storeRole ? t("form.passwordOptional") : t("form.passwordRequired")}
                value={password}
                autoComplete="new-password"
                required={!storeRole}
                disabled={saving}
                error={errors.password}
                onChange={(e) => {
                  setPassword(e.currentTarget.value);
                  clear("password");
                }}
              />
              <PasswordInput
                label={t("fields.pin")}
                description={storeRole ? t("form.pinHint") : t("form.adminNoPin")}
                value={storeRole ? pin : ""}
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                disabled={saving || !storeRole}
                error={errors.pin}
                onChange={(e) => {
                  setPin(e.currentTarget.value.replace(/\D/g, ""));
                  clear("pin");
                }}
              />
            </SimpleGrid>
          )}
          <FormActions cancelText={t("form.cancel")} submitText={user ? t("form.save") : t("form.create")} onCancel={onClose} saving={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
