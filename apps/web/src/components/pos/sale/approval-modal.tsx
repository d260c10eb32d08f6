"use client";
import { Alert, Button, Group, Modal, PasswordInput, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { EmptyState } from "@oms/ui";
import { IconShieldLock, IconUserShield } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import type { SaleApproval } from "./cart.ts";
import { fieldErrorsOf, serverMessage } from "./shared.ts";

export interface ApprovalRequest {
  kind: SaleApproval["kind"];
  variantId: string | null;
  /** The server's sentence: what needs approving and why. */
  reason: string;
}

interface ApprovalModalProps {
  opened: boolean;
  onClose: () => void;
  locationId: string;
  request: ApprovalRequest | null;
  onApproved: (approval: SaleApproval) => void;
}

/**
 * A manager approves at the till: they pick themselves, type their PIN and say why. The
 * server answers with a short-lived token the cart carries (pos.approve).
 */
export function ApprovalModal({ opened, onClose, locationId, request, onApproved }: ApprovalModalProps) {
  const t = useTranslations("posSale.approval");
  return (
    <Modal opened={opened} onClose={onClose} title={t("title")} size="lg" centered>
      {opened && request ? <ApprovalForm locationId={locationId} request={request} onApproved={onApproved} /> : null}
    </Modal>
  );
}

function ApprovalForm({ locationId, request, onApproved }: { locationId: string; request: ApprovalRequest; onApproved: (a: SaleApproval) => void }) {
  const t = useTranslations("posSale.approval");
  const trpc = useTRPC();
  const approvers = useQuery(trpc.pos.approvers.queryOptions({ locationId }));
  const [managerId, setManagerId] = useState<string | null>(null);
  const [pin, setPin] = useState("");
  const [reason, setReason] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const approve = useMutation(
    trpc.pos.approve.mutationOptions({
      onSuccess: (a) => onApproved({ approvalToken: a.approvalToken, kind: a.kind, variantId: a.variantId, managerName: a.managerName }),
      onError: (e) => {
        setFields(fieldErrorsOf(e));
        setPin("");
      },
    }),
  );
  const list = approvers.data ?? [];
  const chosen = managerId ?? (list.length === 1 ? list[0]!.id : null);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen) return setFields({ managerId: t("chooseManager") });
        approve.mutate({ locationId, managerId: chosen, managerPin: pin, reason, scope: { kind: request.kind, ...(request.variantId ? { variantId: request.variantId } : {}) } });
      }}
    >
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconShieldLock size={20} />}>
          {request.reason}
        </Alert>
        {approvers.isError ? (
          <Alert color="red" variant="light">
            {serverMessage(approvers.error)}
          </Alert>
        ) : approvers.data && list.length === 0 ? (
          <EmptyState title={t("noManagers")} />
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("manager")}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" role="radiogroup" aria-label={t("manager")}>
              {list.map((m) => (
                <UnstyledButton
                  key={m.id}
                  role="radio"
                  aria-checked={chosen === m.id}
                  onClick={() => setManagerId(m.id)}
                  p="sm"
                  style={{ border: `2px solid var(--mantine-color-${chosen === m.id ? "blue-6" : "gray-3"})`, borderRadius: 8, minBlockSize: 56 }}
                >
                  <Group gap="xs" wrap="nowrap">
                    <IconUserShield size={20} aria-hidden />
                    <Text fw={600} truncate>
                      {m.name}
                    </Text>
                  </Group>
                </UnstyledButton>
              ))}
            </SimpleGrid>
            {fields.managerId ? (
              <Text size="sm" c="red.8">
                {fields.managerId}
              </Text>
            ) : null}
          </Stack>
        )}
        <PasswordInput
          data-autofocus
          size="lg"
          label={t("pin")}
          value={pin}
          onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, "").slice(0, 8))}
          error={fields.managerPin}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextInput size="md" label={t("reason")} placeholder={t("reasonPlaceholder")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields.reason} maxLength={300} />
        {approve.isError && Object.keys(fieldErrorsOf(approve.error)).length === 0 ? (
          <Alert color="red" variant="light" role="alert">
            {serverMessage(approve.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button size="md" type="submit" loading={approve.isPending} leftSection={<IconShieldLock size={18} aria-hidden />}>
            {t("approve")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
