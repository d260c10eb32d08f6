"use client";
import { Alert, Button, Group, Loader, Modal, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { PosCustomerSummary } from "@oms/contracts";
import { IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { fieldErrorsOf, serverMessage } from "./shared.ts";

interface CustomerModalProps {
  opened: boolean;
  onClose: () => void;
  onChoose: (customer: PosCustomerSummary) => void;
}

/**
 * F4: find the customer by phone, e-mail or name, or create one in a few keystrokes (what
 * was typed in the search becomes the phone or e-mail of the new customer).
 */
export function CustomerModal({ opened, onClose, onChoose }: CustomerModalProps) {
  const t = useTranslations("posSale.customer");
  return (
    <Modal opened={opened} onClose={onClose} title={t("title")} size="lg" centered>
      {opened ? <CustomerFinder onChoose={onChoose} /> : null}
    </Modal>
  );
}

function CustomerFinder({ onChoose }: { onChoose: (customer: PosCustomerSummary) => void }) {
  const t = useTranslations("posSale.customer");
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const found = useQuery({ ...trpc.customers.find.queryOptions({ query: debounced, limit: 8 }), enabled: debounced.length >= 2 });
  const results = debounced.length >= 2 ? (found.data ?? []) : [];

  if (creating) return <NewCustomerForm seed={query.trim()} onCreated={onChoose} onBack={() => setCreating(false)} />;
  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        size="lg"
        label={t("searchLabel")}
        placeholder={t("searchPlaceholder")}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={found.isFetching ? <Loader size="xs" /> : null}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          if (results[0]) onChoose(summary(results[0]));
          else if (debounced.length >= 2 && !found.isFetching) setCreating(true);
        }}
        autoComplete="off"
      />
      {found.isError ? (
        <Alert color="red" variant="light">
          {serverMessage(found.error)}
        </Alert>
      ) : null}
      <Stack gap={4} role="list" aria-label={t("results")}>
        {results.map((c) => (
          <UnstyledButton key={c.id} role="listitem" onClick={() => onChoose(summary(c))} p="sm" style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8, minBlockSize: 52 }} data-testid="customer-result">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{`${c.firstName} ${c.lastName}`}</Text>
              <Text size="sm" c="dimmed" truncate>
                {[c.phone, c.email].filter(Boolean).join(" · ")}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
        {debounced.length >= 2 && !found.isFetching && results.length === 0 && !found.isError ? (
          <Text c="dimmed" size="sm">
            {t("none", { query: debounced })}
          </Text>
        ) : null}
      </Stack>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t("enterHint")}
        </Text>
        <Button size="md" variant="light" leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
          {t("new")}
        </Button>
      </Group>
    </Stack>
  );
}

const summary = (c: { id: string; firstName: string; lastName: string; email: string | null; phone: string | null }): PosCustomerSummary => ({
  id: c.id,
  name: `${c.firstName} ${c.lastName}`.trim(),
  email: c.email,
  phone: c.phone,
});

function NewCustomerForm({ seed, onCreated, onBack }: { seed: string; onCreated: (c: PosCustomerSummary) => void; onBack: () => void }) {
  const t = useTranslations("posSale.customer");
  const trpc = useTRPC();
  // What the cashier already typed is most likely the phone or the e-mail.
  const [form, setForm] = useState(() => ({
    firstName: "",
    lastName: "",
    email: seed.includes("@") ? seed : "",
    phone: /^[+\d\s\-().]{6,}$/.test(seed) ? seed : "",
  }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.customers.create.mutationOptions({
      onSuccess: (c) => onCreated(summary(c)),
      onError: (e) => setFieldErrors(fieldErrorsOf(e)),
    }),
  );
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [key]: e.currentTarget.value }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setFieldErrors({});
        create.mutate({ firstName: form.firstName, lastName: form.lastName, email: form.email.trim() || null, phone: form.phone.trim() || null });
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput data-autofocus size="md" label={t("firstName")} value={form.firstName} onChange={set("firstName")} error={fieldErrors.firstName} required />
          <TextInput size="md" label={t("lastName")} value={form.lastName} onChange={set("lastName")} error={fieldErrors.lastName} required />
          <TextInput size="md" label={t("phone")} value={form.phone} onChange={set("phone")} error={fieldErrors.phone} inputMode="tel" />
          <TextInput size="md" label={t("email")} value={form.email} onChange={set("email")} error={fieldErrors.email} inputMode="email" />
        </SimpleGrid>
        {create.isError && Object.keys(fieldErrors).length === 0 ? (
          <Alert color="red" variant="light" role="alert">
            {serverMessage(create.error)}
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Button size="md" variant="subtle" onClick={onBack}>
            {t("backToSearch")}
          </Button>
          <Button size="md" type="submit" loading={create.isPending}>
            {t("create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
