"use client";
import { ActionIcon, Alert, CopyButton, TextInput, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslations } from "use-intl";

/**
 * A secret shown this once (an API key's token, a webhook signing secret): the warning that
 * it will not be shown again, the value selected on focus, and a copy button.
 */
export function OneTimeSecret({ label, value, warning }: { label: string; value: string; warning: string }) {
  const t = useTranslations("integrations.create");
  return (
    <>
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t("secretWarningTitle")} role="alert">
        {warning}
      </Alert>
      <TextInput
        label={label}
        value={value}
        readOnly
        size="md"
        data-autofocus
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        rightSectionWidth={52}
        rightSection={
          <CopyButton value={value} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t("copied") : t("copy")} withArrow>
                <ActionIcon variant={copied ? "filled" : "light"} color={copied ? "teal" : undefined} size={40} onClick={copy} aria-label={copied ? t("copied") : t("copy")}>
                  {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        }
      />
    </>
  );
}
