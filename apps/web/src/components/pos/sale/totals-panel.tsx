"use client";
import { ActionIcon, Button, Divider, Group, Kbd, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { Money } from "@oms/ui";
import { IconCash, IconClockPause, IconDiscount2, IconListDetails, IconMapPin, IconTag, IconTrashX, IconUser, IconUserPlus, IconX } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import type { SaleApproval } from "./cart.ts";
import { shortcutLabel, type SaleCommand } from "./keyboard.ts";
import type { PosQuoteData, TillContext } from "./shared.ts";
import { ShortcutButton } from "./shortcut-button.tsx";

interface TotalsPanelProps {
  till: TillContext;
  customer: { name: string; email: string | null; phone: string | null } | null;
  quote: PosQuoteData | null;
  lineCount: number;
  hasSelection: boolean;
  canPay: boolean;
  approvals: SaleApproval[];
  onCommand: (command: SaleCommand) => void;
  onDetachCustomer: () => void;
}

/** The end side of the sale: who buys, what it costs, and every command with its key. */
export function TotalsPanel({ till, customer, quote, lineCount, hasSelection, canPay, approvals, onCommand, onDetachCustomer }: TotalsPanelProps) {
  const t = useTranslations("posSale");
  const money = (amount: number) => <Money amount={amount} currency={till.currency} locale={till.locale} />;
  const empty = lineCount === 0;
  const percent = (bps: number) => new Intl.NumberFormat(till.locale, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
  return (
    <>
      <Paper withBorder radius="md" p="sm">
        {customer ? (
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minInlineSize: 0 }}>
              <IconUser size={20} aria-hidden />
              <Stack gap={0} style={{ minInlineSize: 0 }}>
                <Text fw={600} truncate data-testid="sale-customer">
                  {customer.name}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {customer.email ?? customer.phone ?? ""}
                </Text>
              </Stack>
            </Group>
            <Group gap={4} wrap="nowrap">
              <Button size="compact-md" variant="subtle" onClick={() => onCommand("customer")} rightSection={<Kbd size="xs">{shortcutLabel("customer")}</Kbd>}>
                {t("customer.change")}
              </Button>
              <ActionIcon size={36} variant="subtle" color="gray" aria-label={t("customer.detach")} onClick={onDetachCustomer}>
                <IconX size={18} />
              </ActionIcon>
            </Group>
          </Group>
        ) : (
          <ShortcutButton command="customer" variant="default" fullWidth justify="space-between" leftSection={<IconUserPlus size={20} aria-hidden />} onClick={() => onCommand("customer")}>
            {t("customer.attach")}
          </ShortcutButton>
        )}
      </Paper>

      <Paper withBorder radius="md" p="sm" data-testid="sale-totals">
        <Stack gap={4}>
          <Row label={t("totals.subtotal")} value={quote ? money(quote.subtotal) : money(0)} />
          {quote && quote.discountTotal > 0 ? <Row label={t("totals.discounts")} value={money(-quote.discountTotal)} tone="grape.8" /> : null}
          {quote
            ? quote.taxBreakdown.map((r) => (
                <Row
                  key={r.rateBps}
                  label={quote.pricesIncludeTax ? t("totals.taxIncluded", { rate: percent(r.rateBps) }) : t("totals.taxAdded", { rate: percent(r.rateBps) })}
                  value={money(r.tax)}
                  dimmed
                />
              ))
            : null}
          <Divider my={4} />
          <Group justify="space-between" align="baseline">
            <Text fw={700} size="lg">
              {t("totals.total")}
            </Text>
            <Text fw={800} size="xl" data-testid="sale-total" style={{ fontVariantNumeric: "tabular-nums" }}>
              {quote ? money(quote.total) : money(0)}
            </Text>
          </Group>
          {quote && quote.cashRounding !== 0 ? <Row label={t("totals.cashTotal")} value={money(quote.cashTotal)} dimmed /> : null}
          {approvals.length > 0 ? (
            <Text size="xs" c="dimmed">
              {t("approval.given", { names: [...new Set(approvals.map((a) => a.managerName))].join(", ") })}
            </Text>
          ) : null}
        </Stack>
      </Paper>

      <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
        <Cmd command="discount" icon={<IconDiscount2 size={18} />} disabled={empty} onCommand={onCommand}>
          {t("actions.discount")}
        </Cmd>
        <Cmd command="priceOverride" icon={<IconTag size={18} />} disabled={!hasSelection} onCommand={onCommand}>
          {t("actions.priceOverride")}
        </Cmd>
        <Cmd command="stock" icon={<IconMapPin size={18} />} disabled={!hasSelection} onCommand={onCommand}>
          {t("actions.stock")}
        </Cmd>
        <Cmd command="park" icon={<IconClockPause size={18} />} disabled={empty} onCommand={onCommand}>
          {t("actions.park")}
        </Cmd>
        <Cmd command="parked" icon={<IconListDetails size={18} />} onCommand={onCommand}>
          {t("actions.parked")}
        </Cmd>
        <Cmd command="voidSale" icon={<IconTrashX size={18} />} disabled={empty} color="red" onCommand={onCommand}>
          {t("actions.voidSale")}
        </Cmd>
      </SimpleGrid>

      <ShortcutButton
        command="pay"
        size="xl"
        color="teal"
        fullWidth
        justify="space-between"
        disabled={!canPay}
        leftSection={<IconCash size={26} aria-hidden />}
        onClick={() => onCommand("pay")}
        styles={{ root: { minHeight: 72, marginBlockStart: "auto" }, label: { fontSize: "1.25rem", gap: "0.5em" } }}
        data-testid="pay-button"
      >
        <span>{t("actions.pay")}</span>
        {quote && !empty ? <span>{money(quote.total)}</span> : null}
      </ShortcutButton>
      <Text size="xs" c="dimmed" ta="center">
        {t("register", { register: till.register.name, store: till.storeName })}
      </Text>
    </>
  );
}

function Row({ label, value, tone, dimmed }: { label: string; value: ReactNode; tone?: string; dimmed?: boolean }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c={dimmed ? "dimmed" : tone}>
        {label}
      </Text>
      <Text size="sm" c={dimmed ? "dimmed" : tone} fw={500} style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
    </Group>
  );
}

function Cmd({ command, icon, children, disabled, color, onCommand }: { command: SaleCommand; icon: ReactNode; children: ReactNode; disabled?: boolean; color?: string; onCommand: (c: SaleCommand) => void }) {
  return (
    <ShortcutButton command={command} size="md" variant="light" color={color} disabled={disabled} fullWidth justify="space-between" leftSection={icon} onClick={() => onCommand(command)} px="xs" styles={{ label: { fontSize: "0.9rem" } }}>
      {children}
    </ShortcutButton>
  );
}
