"use client";
import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconBan, IconCheck, IconFileDownload, IconPlus, IconPrinter, IconTag, IconTrash, IconTruck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../trpc/client.tsx";
import { serverMessage } from "../pickup/shared.ts";
import { ShipByBadge } from "./ship-by-badge.tsx";
import { formatMinor, formatWeight, labelHref, slipHref, type BenchCardData } from "./shared.ts";

interface ParcelDraft {
  boxId: string | null;
  lengthMm: number | string;
  widthMm: number | string;
  heightMm: number | string;
  weightGrams: number | string;
}
const emptyParcel = (boxId: string | null): ParcelDraft => ({ boxId, lengthMm: "", widthMm: "", heightMm: "", weightGrams: "" });

/** One order at the bench: pack (box, weight, parcels), then rates and labels, then the hand-over. */
export function OrderPanel({ card, locationId, locale, now, onBack }: { card: BenchCardData; locationId: string; locale: string; now: Date; onBack: () => void }) {
  const t = useTranslations("fulfillment");
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Button variant="subtle" size="lg" leftSection={<IconArrowLeft size={20} aria-hidden />} onClick={onBack}>
          {t("back")}
        </Button>
        <Button component="a" href={slipHref(card.id)} target="_blank" rel="noopener" variant="default" size="lg" leftSection={<IconPrinter size={20} aria-hidden />} data-testid="packing-slip-link">
          {t("pack.slip")}
        </Button>
      </Group>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h2">
              {card.orderNumber}
            </Title>
            <Text size="lg">{card.customerName ?? "—"}</Text>
            {card.shipTo ? (
              <Text c="dimmed">
                {card.shipTo.line1}, {card.shipTo.postalCode} {card.shipTo.city}, {card.shipTo.countryCode}
              </Text>
            ) : null}
          </Stack>
          <Stack gap={6} align="flex-end">
            <Badge size="lg" variant="light" tt="none" data-testid="order-status">
              {t(`status.${card.status}`)}
            </Badge>
            {card.status === "PICKING" || card.status === "PACKED" ? <ShipByBadge shipBy={card.shipBy} late={card.late} now={now} /> : null}
          </Stack>
        </Group>
        <Table mt="sm" verticalSpacing="xs">
          <Table.Tbody>
            {card.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td ff="monospace">{l.sku}</Table.Td>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td ta="end" style={{ fontVariantNumeric: "tabular-nums" }}>
                  {Math.min(l.quantityPicked, l.quantity - l.quantityRejected)} / {l.quantity - l.quantityRejected}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {card.status === "PICKING" ? <PackForm card={card} locationId={locationId} locale={locale} /> : null}
      {card.status === "PACKED" ? <LabelsStep card={card} locale={locale} onShipped={onBack} /> : null}
      {card.status === "SHIPPED" || card.status === "DELIVERED" ? <ShippedSummary card={card} locale={locale} /> : null}
      {card.status === "CANCELLED" && card.shipments.some((sh) => sh.status === "LABEL_CREATED") ? <CancelledLabels card={card} /> : null}
    </Stack>
  );
}

function PackForm({ card, locationId, locale }: { card: BenchCardData; locationId: string; locale: string }) {
  const t = useTranslations("fulfillment");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const boxes = useQuery(trpc.shipping.boxes.queryOptions({ locationId }));
  const [parcels, setParcels] = useState<ParcelDraft[]>([emptyParcel(null)]);
  const [error, setError] = useState<string | null>(null);
  const pack = useMutation(
    trpc.shipping.pack.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", icon: <IconCheck size={18} />, message: t("pack.done", { number: card.orderNumber }) });
        await queryClient.invalidateQueries(trpc.shipping.pathFilter());
      },
      onError: (e) => setError(serverMessage(e)),
    }),
  );
  const set = (i: number, patch: Partial<ParcelDraft>) => setParcels((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const boxOptions = (boxes.data ?? []).map((b) => ({ value: b.id, label: t("pack.boxOption", { name: b.name, l: b.innerLengthMm, w: b.innerWidthMm, h: b.innerHeightMm, max: formatWeight(b.maxWeightGrams, locale) }) }));
  const num = (v: number | string) => (v === "" ? undefined : Number(v));
  const ready = parcels.every((p) => num(p.weightGrams) !== undefined && (p.boxId || (num(p.lengthMm) && num(p.widthMm) && num(p.heightMm))));
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="md">
        <Title order={3} size="h3">
          {t("pack.title")}
        </Title>
        {parcels.map((p, i) => {
          const box = boxes.data?.find((b) => b.id === p.boxId);
          return (
            <Paper key={i} withBorder radius="md" p="sm" data-testid={`parcel-${i + 1}`}>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Text fw={700}>{t("pack.parcel", { n: i + 1 })}</Text>
                  {parcels.length > 1 ? (
                    <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setParcels((ps) => ps.filter((_, j) => j !== i))}>
                      {t("pack.removeParcel")}
                    </Button>
                  ) : null}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select
                    size="lg"
                    label={t("pack.box")}
                    placeholder={boxes.isLoading ? t("pack.loadingBoxes") : t("pack.ownSize")}
                    data={boxOptions}
                    value={p.boxId}
                    onChange={(v) => set(i, { boxId: v })}
                    clearable
                    data-testid={`parcel-${i + 1}-box`}
                    error={boxes.isError ? serverMessage(boxes.error) : null}
                  />
                  <NumberInput
                    size="lg"
                    label={t("pack.weight")}
                    description={box ? t("pack.weightHint", { tare: formatWeight(box.tareGrams, locale), max: formatWeight(box.maxWeightGrams, locale) }) : undefined}
                    suffix=" g"
                    min={1}
                    allowDecimal={false}
                    value={p.weightGrams}
                    onChange={(v) => set(i, { weightGrams: v })}
                    data-testid={`parcel-${i + 1}-weight`}
                  />
                </SimpleGrid>
                {!p.boxId ? (
                  <SimpleGrid cols={3} spacing="sm">
                    {(["lengthMm", "widthMm", "heightMm"] as const).map((k) => (
                      <NumberInput key={k} size="lg" label={t(`pack.${k}`)} suffix=" mm" min={1} allowDecimal={false} value={p[k]} onChange={(v) => set(i, { [k]: v })} />
                    ))}
                  </SimpleGrid>
                ) : null}
              </Stack>
            </Paper>
          );
        })}
        <Group justify="space-between" wrap="wrap">
          <Button variant="default" size="lg" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setParcels((ps) => [...ps, emptyParcel(ps[ps.length - 1]?.boxId ?? null)])}>
            {t("pack.addParcel")}
          </Button>
          <Button
            size="lg"
            color="teal"
            disabled={!ready}
            loading={pack.isPending}
            data-testid="pack-confirm"
            onClick={() => {
              setError(null);
              pack.mutate({
                fulfillmentOrderId: card.id,
                parcels: parcels.map((p) => (p.boxId ? { boxId: p.boxId, weightGrams: Number(p.weightGrams) } : { lengthMm: Number(p.lengthMm), widthMm: Number(p.widthMm), heightMm: Number(p.heightMm), weightGrams: Number(p.weightGrams) })),
              });
            }}
          >
            {t("pack.confirm", { count: parcels.length })}
          </Button>
        </Group>
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

function LabelsStep({ card, locale, onShipped }: { card: BenchCardData; locale: string; onShipped: () => void }) {
  const t = useTranslations("fulfillment");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const labelled = new Set(card.shipments.filter((s) => s.status === "LABEL_CREATED").map((s) => s.parcelId));
  const missing = card.parcels.filter((p) => !labelled.has(p.id));
  const rates = useQuery({ ...trpc.shipping.rates.queryOptions({ fulfillmentOrderId: card.id }), enabled: missing.length > 0 });
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.shipping.pathFilter());
  const buy = useMutation(trpc.shipping.buyLabels.mutationOptions({ onSuccess: async () => (setError(null), await refresh()), onError: async (e) => (setError(serverMessage(e)), await refresh()) }));
  const voidIt = useMutation(trpc.shipping.voidLabel.mutationOptions({ onSuccess: () => refresh(), onError: (e) => setError(serverMessage(e)) }));
  const ship = useMutation(
    trpc.shipping.ship.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", icon: <IconTruck size={18} />, message: t("ship.done", { number: card.orderNumber }) });
        await refresh();
        onShipped();
      },
      onError: (e) => setError(serverMessage(e)),
    }),
  );
  const offers = rates.data?.offers ?? [];
  const key = (o: { carrier: string; service: string }) => `${o.carrier}|${o.service}`;
  const picked = offers.find((o) => key(o) === choice) ?? offers.find((o) => o.isDefault) ?? offers[0];
  const pending = card.shipments.filter((s) => s.status === "LABEL_PENDING");

  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Title order={3} size="h3">
            {t("labels.title")}
          </Title>
          {card.parcels.map((p) => {
            const label = card.shipments.find((s) => s.parcelId === p.id && s.status === "LABEL_CREATED");
            return (
              <Paper key={p.id} withBorder radius="md" p="sm" data-testid={`label-row-${p.sequence}`}>
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Stack gap={0}>
                    <Text fw={700}>{t("labels.parcel", { n: p.sequence, of: card.parcels.length, weight: formatWeight(p.weightGrams, locale), box: p.boxName ?? t("labels.ownBox") })}</Text>
                    <Text size="sm" c="dimmed">
                      {p.lengthMm} × {p.widthMm} × {p.heightMm} mm
                    </Text>
                    {label ? (
                      <Text ff="monospace" fw={700} data-testid="tracking-number">
                        {label.trackingNumber}
                      </Text>
                    ) : (
                      <Text size="sm" c="orange.8">
                        {t("labels.none")}
                      </Text>
                    )}
                    {label?.labelAmount != null && label.labelCurrency ? (
                      <Text size="sm" c="dimmed">
                        {t("labels.cost", { service: label.service ?? "", amount: formatMinor(label.labelAmount, label.labelCurrency, locale) })}
                      </Text>
                    ) : null}
                  </Stack>
                  {label ? (
                    <Group gap="xs">
                      <Button component="a" href={labelHref(label.id)} target="_blank" rel="noopener" size="md" leftSection={<IconPrinter size={18} aria-hidden />} data-testid="print-label">
                        {t("labels.printPdf")}
                      </Button>
                      <Button component="a" href={labelHref(label.id, "ZPL")} download size="md" variant="default" leftSection={<IconFileDownload size={18} aria-hidden />}>
                        {t("labels.zpl")}
                      </Button>
                      <Button size="md" variant="subtle" color="red" leftSection={<IconBan size={18} aria-hidden />} loading={voidIt.isPending && voidIt.variables?.shipmentId === label.id} onClick={() => voidIt.mutate({ shipmentId: label.id })}>
                        {t("labels.void")}
                      </Button>
                    </Group>
                  ) : null}
                </Group>
              </Paper>
            );
          })}
          {pending.length > 0 ? (
            <Alert color="orange" variant="light">
              {t("labels.pending", { count: pending.length })} {pending.map((s) => s.labelError).filter(Boolean).join(" ")}
            </Alert>
          ) : null}
        </Stack>
      </Card>

      {missing.length > 0 ? (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t("rates.title")}
            </Title>
            {rates.isLoading ? <Text c="dimmed">{t("rates.loading")}</Text> : null}
            {rates.isError ? <Alert color="red">{serverMessage(rates.error)}</Alert> : null}
            {rates.data?.errors.map((e) => (
              <Alert key={e.carrier} color="orange" variant="light">
                {e.carrier}: {e.message}
              </Alert>
            ))}
            {offers.length > 0 ? (
              <Radio.Group value={picked ? key(picked) : null} onChange={setChoice} label={t("rates.choose")}>
                <Stack gap="xs" mt="xs">
                  {offers.map((o) => (
                    <Radio
                      key={key(o)}
                      value={key(o)}
                      size="lg"
                      data-testid={`rate-${o.carrier}-${o.service}`}
                      label={t("rates.offer", { carrier: o.carrierName, service: o.serviceName, amount: formatMinor(o.amount, o.currency, locale), days: o.estimatedDays ?? "?" })}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            ) : null}
            <Group justify="flex-end">
              <Button
                size="lg"
                leftSection={<IconTag size={20} aria-hidden />}
                disabled={!picked}
                loading={buy.isPending}
                data-testid="buy-label"
                onClick={() => picked && buy.mutate({ fulfillmentOrderId: card.id, carrier: picked.carrier, service: picked.service, rateId: picked.rateId })}
              >
                {t("rates.buy", { count: missing.length })}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}

      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Text c="dimmed" maw={520}>
          {t("ship.hint")}
        </Text>
        <Button size="xl" color="teal" leftSection={<IconTruck size={22} aria-hidden />} disabled={missing.length > 0} loading={ship.isPending} onClick={() => ship.mutate({ fulfillmentOrderId: card.id })} data-testid="ship-now">
          {t("ship.now")}
        </Button>
      </Group>
    </Stack>
  );
}

function ShippedSummary({ card, locale }: { card: BenchCardData; locale: string }) {
  const t = useTranslations("fulfillment");
  const when = card.shippedAt ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(card.shippedAt)) : "—";
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("ship.shippedAt", { when })}
        </Title>
        {card.shipments.map((s) => (
          <Group key={s.id} gap="sm">
            <Text ff="monospace" fw={700}>
              {s.trackingNumber}
            </Text>
            {s.trackingUrl ? (
              <Anchor href={s.trackingUrl} target="_blank" rel="noopener">
                {t("ship.track")}
              </Anchor>
            ) : null}
            <Anchor href={labelHref(s.id)} target="_blank" rel="noopener">
              {t("labels.printPdf")}
            </Anchor>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** A cancelled order whose label was already bought: void it so the carrier refunds it. */
function CancelledLabels({ card }: { card: BenchCardData }) {
  const t = useTranslations("fulfillment");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const voidIt = useMutation(trpc.shipping.voidLabel.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.shipping.pathFilter()), onError: (e) => setError(serverMessage(e)) }));
  return (
    <Alert color="orange" variant="light" title={t("labels.cancelledTitle")}>
      <Stack gap="xs">
        <Text>{t("labels.cancelledHint")}</Text>
        {card.shipments
          .filter((sh) => sh.status === "LABEL_CREATED")
          .map((sh) => (
            <Group key={sh.id} gap="sm">
              <Text ff="monospace">{sh.trackingNumber}</Text>
              <Button color="red" variant="light" leftSection={<IconBan size={18} aria-hidden />} loading={voidIt.isPending} onClick={() => voidIt.mutate({ shipmentId: sh.id })}>
                {t("labels.void")}
              </Button>
            </Group>
          ))}
        {error ? <Text c="red.8">{error}</Text> : null}
      </Stack>
    </Alert>
  );
}
