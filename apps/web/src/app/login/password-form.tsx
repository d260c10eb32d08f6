"use client";
import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { signInWith } from "./sign-in.ts";

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function PasswordForm({ callbackUrl }: { callbackUrl: string | null }) {
  const t = useTranslations("login");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function validate() {
    const errors: { email?: string; password?: string } = {};
    const trimmed = email.trim();
    if (!trimmed) errors.email = t("errors.emailRequired");
    else if (!emailShape.test(trimmed)) errors.email = t("errors.emailInvalid");
    if (!password) errors.password = t("errors.passwordRequired");
    setFieldErrors(errors);
    return Object.keys(errors).length === 0;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!validate()) return;
    setPending(true);
    const outcome = await signInWith("password", { email: email.trim(), password }, callbackUrl);
    if (outcome.ok) {
      window.location.assign(outcome.destination);
      return;
    }
    setPending(false);
    setError(outcome.message ?? (outcome.unreachable ? t("errors.unreachable") : t("errors.failed")));
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {error}
          </Alert>
        ) : null}
        <TextInput
          label={t("email")}
          placeholder={t("emailPlaceholder")}
          type="email"
          autoComplete="username"
          autoFocus
          size="md"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.email}
          required
        />
        <PasswordInput
          label={t("password")}
          autoComplete="current-password"
          size="md"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
          required
        />
        <Button type="submit" size="md" loading={pending} fullWidth>
          {t("submit")}
        </Button>
      </Stack>
    </form>
  );
}
