"use client";
import { Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { PosDiscount } from "@oms/contracts";
import { Money } from "@oms/ui";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { parseDiscount } from "./cart.ts";
import { minorToInput } from "./shared.ts";

type Target = "line" | "order";

interface DiscountModalProps {
  opened: boolean;
  onClose: () => void;
  currency: string;
  locale: string;
  /** The selected line (null: none selected, only the whole sale can be discounted). */
  line: { name: string; discount: PosDiscount | undefined; gross: number | null } | null;
  orderDiscount: PosDiscount | undefined;
  subtotal: number | null;
  /** `undefined` removes the discount. Above the store's limit the screen asks for a manager. */
  onApply: (target: Target, discount: PosDiscount | undefined) => void;
}

const QUICK_PERCENT = [5, 10, 15, 20];

/** F6: a discount on the selected line or on the whole sale, in percent or as an amount. */
export function DiscountModal(props: DiscountModalProps) {
  const t = useTranslations("posSale.discount");
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("title")} size="md" centered>
      {props.opened ? <DiscountForm {...props} /> : null}
    </Modal>
  );
}

function DiscountForm({ currency, locale, line, orderDiscount, subtotal, onApply }: DiscountModalProps) {
  const t = useTranslations("posSale.discount");
  const [target, setTarget] = useState<Target>(line ? "line" : "order");
  const current = target === "line" ? line?.discount : orderDiscount;
  const [kind, setKind] = useState<PosDiscount["kind"]>(current?.kind ?? "PERCENT");
  const [value, setValue] = useState(() => (current ? (current.kind === "PERCENT" ? String(current.bps / 100) : minorToInput(current.amount, currency)) : ""));
  const [error, setError] = useState<string | null>(null);
  const base = target === "line" ? line?.gross : subtotal;

  function apply(text = value, as: PosDiscount["kind"] = kind) {
    const discount = parseDiscount(text, as, currency);
    if (!discount) return setError(as === "PERCENT" ? t("invalidPercent") : t("invalidAmount"));
    if (discount.kind === "AMOUNT" && base != null && discount.amount > base) return setError(t("tooMuch"));
    onApply(target, discount);
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <Stack gap="md">
        <SegmentedControl
          fullWidth
          size="md"
          value={target}
          onChange={(v) => {
            setTarget(v as Target);
            setError(null);
          }}
          data={[
            { value: "line", label: line ? t("targetLine", { name: line.name }) : t("targetLineNone"), disabled: !line },
            { value: "order", label: t("targetOrder") },
          ]}
          aria-label={t("target")}
        />
        <SegmentedControl fullWidth size="md" value={kind} onChange={(v) => setKind(v as PosDiscount["kind"])} data={[{ value: "PERCENT", label: t("percent") }, { value: "AMOUNT", label: t("amount", { currency }) }]} aria-label={t("kind")} />
        <TextInput
          data-autofocus
          size="xl"
          label={kind === "PERCENT" ? t("percentLabel") : t("amountLabel")}
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          inputMode="decimal"
          autoComplete="off"
          rightSection={<Text c="dimmed">{kind === "PERCENT" ? "%" : currency}</Text>}
          rightSectionWidth={56}
        />
        {base != null ? (
          <Text size="sm" c="dimmed">
            {t("base")} <Money amount={base} currency={currency} locale={locale} />
          </Text>
        ) : null}
        {kind === "PERCENT" ? (
          <SimpleGrid cols={4} spacing="xs">
            {QUICK_PERCENT.map((p) => (
              <Button key={p} size="lg" variant="default" onClick={() => apply(String(p), "PERCENT")}>
                {p} %
              </Button>
            ))}
          </SimpleGrid>
        ) : null}
        <Text size="xs" c="dimmed">
          {t("approvalHint")}
        </Text>
        <Group justify="space-between">
          <Button size="md" variant="subtle" color="red" disabled={!current} onClick={() => onApply(target, undefined)}>
            {t("remove")}
          </Button>
          <Button size="md" type="submit">
            {t("apply")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
