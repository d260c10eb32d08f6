"use client";
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { denominationsFor, parseMoney, smallestNote, type CashCurrency, type OfflineSaleCommand, type PosCartInput as PosCart, type PosQuote } from "@oms/contracts";
import { Money } from "@oms/ui";
import { IconCash, IconCreditCardOff, IconWifiOff } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { quickCashAmounts } from "../sale/cart.ts";
import { minorToInput, type TillContext } from "../sale/shared.ts";
import { buildOfflineSale, offlineLimitProblem } from "./offline-sale.ts";
import { useOfflineTill } from "./use-offline-till.tsx";

interface OfflinePayModalProps {
  till: TillContext;
  cart: PosCart;
  quote: PosQuote;
  onClose: () => void;
  /** The sale is in the queue (committed to IndexedDB): show its receipt. */
  onRecorded: (command: OfflineSaleCommand) => void;
}

/**
 * Payment while offline: cash only (card needs the server or the reader's own offline mode,
 * which the organisation's setting allows or not). The sale is written to the queue first;
 * only then is the receipt shown, so a receipt never exists for a sale the till lost.
 */
export function OfflinePayModal({ till, cart, quote, onClose, onRecorded }: OfflinePayModalProps) {
  const t = useTranslations("posOffline.pay");
  const offline = useOfflineTill();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const due = quote.cashTotal;
  const notes = (denominationsFor(till.currency) ?? []).filter((d) => d >= (smallestNote[till.currency as CashCurrency] ?? 0));
  const quick = quickCashAmounts(due, notes.length ? notes : [500, 1000, 2000, 5000, 10000], 4);
  const typed = text.trim() ? parseMoney(text, till.currency) : due;
  const change = typed !== undefined && typed > due ? typed - due : 0;
  const settings = offline.settings ?? offline.catalog?.settings ?? null;
  const limit = settings ? offlineLimitProblem(settings, quote.total, offline.stats.total) : null;
  const money = (n: number) => <Money amount={n} currency={till.currency} locale={till.locale} />;

  const take = async (tendered: number | undefined) => {
    if (tendered === undefined || tendered < 0) return setError(t("invalidAmount"));
    if (tendered < due) return setError(t("notEnough"));
    if (!offline.catalog) return setError(t("noCatalog"));
    setError(null);
    setSaving(true);
    try {
      const command = buildOfflineSale(cart, offline.catalog, tendered, {
        deviceId: offline.deviceId,
        locationId: till.locationId,
        registerSessionId: till.registerSessionId,
        cashierId: offline.cashier.id,
        now: new Date(),
      });
      await offline.record(command);
      onRecorded(command);
    } catch (e) {
      setError(t("saveFailed", { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t("title")} size="lg" centered>
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconWifiOff size={18} aria-hidden />}>
          {t("cashOnly")}
        </Alert>
        <Group justify="space-between">
          <Text size="lg">{t("due")}</Text>
          <Text size="xl" fw={700} data-testid="offline-cash-due">
            {money(due)}
          </Text>
        </Group>
        {limit ? (
          <Alert color="red" variant="light" role="alert" data-testid="offline-limit">
            {limit.kind === "notAllowed" ? t("notAllowed") : limit.kind === "saleLimit" ? t("saleLimit", { limit: minorToInput(limit.limit, till.currency) }) : t("deviceLimit", { limit: minorToInput(limit.limit, till.currency) })}
          </Alert>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void take(typed);
            }}
          >
            <Stack gap="sm">
              <TextInput
                data-autofocus
                size="xl"
                label={t("received")}
                placeholder={minorToInput(due, till.currency)}
                value={text}
                onChange={(e) => {
                  setText(e.currentTarget.value);
                  setError(null);
                }}
                error={error}
                inputMode="decimal"
                autoComplete="off"
                rightSection={<Text c="dimmed">{till.currency}</Text>}
                rightSectionWidth={56}
              />
              <SimpleGrid cols={quick.length} spacing="xs">
                {quick.map((amount) => (
                  <Button key={amount} size="lg" variant="default" onClick={() => void take(amount)} disabled={saving} styles={{ label: { gap: "0.35em" } }}>
                    {amount === due ? <span>{t("exact")}</span> : null}
                    {money(amount)}
                  </Button>
                ))}
              </SimpleGrid>
              <Group justify="space-between" align="center">
                <Text size="lg" fw={600} c={change > 0 ? "teal.8" : "dimmed"} data-testid="offline-change">
                  {t("change")} {money(change)}
                </Text>
                <Button size="lg" type="submit" color="teal" loading={saving} leftSection={<IconCash size={20} aria-hidden />}>
                  {t("takeCash")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <Alert color="gray" variant="light" icon={<IconCreditCardOff size={18} aria-hidden />} data-testid="offline-card-refused">
          {settings?.offlineCardMode === "STRIPE_TERMINAL_OFFLINE" ? t("cardReaderOffline") : t("cardRefused")}
        </Alert>
      </Stack>
    </Modal>
  );
}
