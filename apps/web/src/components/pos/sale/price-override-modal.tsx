"use client";
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { parseMoney } from "@oms/contracts";
import { Money } from "@oms/ui";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { minorToInput } from "./shared.ts";

interface PriceOverrideModalProps {
  opened: boolean;
  onClose: () => void;
  name: string;
  catalogPrice: number | null;
  override: number | undefined;
  currency: string;
  locale: string;
  /** `undefined` goes back to the catalogue price. A manager approves every override. */
  onApply: (unitPrice: number | undefined) => void;
}

/** F7: a new unit price for the selected line (a damaged item, a price match). */
export function PriceOverrideModal(props: PriceOverrideModalProps) {
  const t = useTranslations("posSale.override");
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("title", { name: props.name })} size="md" centered>
      {props.opened ? <OverrideForm {...props} /> : null}
    </Modal>
  );
}

function OverrideForm({ catalogPrice, override, currency, locale, onApply }: PriceOverrideModalProps) {
  const t = useTranslations("posSale.override");
  const [value, setValue] = useState(() => (override !== undefined ? minorToInput(override, currency) : ""));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const price = parseMoney(value, currency);
        if (price === undefined || price < 0) return setError(t("invalid"));
        if (price === catalogPrice) return onApply(undefined);
        onApply(price);
      }}
    >
      <Stack gap="md">
        {catalogPrice !== null ? (
          <Text>
            {t("catalog")} <Money amount={catalogPrice} currency={currency} locale={locale} />
          </Text>
        ) : null}
        <TextInput
          data-autofocus
          size="xl"
          label={t("newPrice")}
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          inputMode="decimal"
          autoComplete="off"
          rightSection={<Text c="dimmed">{currency}</Text>}
          rightSectionWidth={56}
        />
        <Text size="xs" c="dimmed">
          {t("approvalHint")}
        </Text>
        <Group justify="space-between">
          <Button size="md" variant="subtle" color="red" disabled={override === undefined} onClick={() => onApply(undefined)}>
            {t("reset")}
          </Button>
          <Button size="md" type="submit">
            {t("apply")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
