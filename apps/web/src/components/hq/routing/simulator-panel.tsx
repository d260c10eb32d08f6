"use client";
import { ActionIcon, Alert, Button, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { Channel } from "@oms/contracts";
import { EmptyState, ErrorState, Panel } from "@oms/ui";
import { IconMapPin, IconPlayerPlay, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import { fieldErrors, toInput, type DraftRule, type RoutingNetwork } from "./draft.ts";
import { SimulationResult } from "./simulation-result.tsx";

type SimType = "SHIP" | "DELIVERY" | "PICKUP";
interface Item {
  key: number;
  sku: string | null;
  quantity: number | string;
}
interface Address {
  countryCode: string;
  postalCode: string;
  city: string;
  latitude: number | string;
  longitude: number | string;
}

const num = (v: number | string): number | null => (typeof v === "number" ? v : v.trim() === "" ? null : Number(v));

/** Finds variants by SKU or name for the simulator's item rows (HQ inventory search, one row per variant). */
function SkuPicker({ value, onChange, error, label }: { value: string | null; onChange: (sku: string | null) => void; error?: string; label: string }) {
  const t = useTranslations("hqRouting.sim");
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const query = useQuery({
    ...trpc.inventory.table.queryOptions({ search: debounced, pageSize: 60, sort: "sku" }),
    enabled: debounced.length >= 2,
  });
  const options = useMemo(() => {
    const seen = new Map<string, string>();
    for (const row of query.data?.items ?? []) if (!seen.has(row.sku)) seen.set(row.sku, `${row.sku} · ${row.productName} — ${row.variantName}`);
    if (value && !seen.has(value)) seen.set(value, value);
    return [...seen].slice(0, 12).map(([sku, text]) => ({ value: sku, label: text }));
  }, [query.data, value]);
  return (
    <Select
      label={label}
      placeholder={t("skuPlaceholder")}
      searchable
      clearable
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.length < 2 ? t("skuTypeMore") : query.isFetching ? t("skuSearching") : t("skuNone")}
      error={error}
      style={{ flex: 1 }}
      data-testid="sim-sku"
    />
  );
}

/**
 * The simulator: one made-up order (where it goes, what is in it), routed through the saved
 * rules or the draft against today's stock. Nothing is written.
 */
export function SimulatorPanel({ network, draft, dirty }: { network: RoutingNetwork; draft: DraftRule[]; dirty: boolean }) {
  const t = useTranslations("hqRouting.sim");
  const tType = useTranslations("hqRouting.type");
  const tChannel = useTranslations("hqRouting.channel");
  const trpc = useTRPC();
  const stores = network.locations.filter((l) => l.kind === "STORE" && l.active && l.fulfillmentTypes.includes("PICKUP"));
  const firstCity = network.customerCities[0];
  const [type, setType] = useState<SimType>("SHIP");
  const [channel, setChannel] = useState<string>("WEB");
  const [preset, setPreset] = useState<string | null>(firstCity ? `city:0` : null);
  const [address, setAddress] = useState<Address>(
    firstCity
      ? { countryCode: firstCity.countryCode, postalCode: firstCity.postalCode, city: firstCity.city, latitude: firstCity.latitude, longitude: firstCity.longitude }
      : { countryCode: "", postalCode: "", city: "", latitude: "", longitude: "" },
  );
  const [pickupLocationId, setPickup] = useState<string | null>(stores[0]?.id ?? null);
  const [items, setItems] = useState<Item[]>([{ key: 1, sku: null, quantity: 1 }]);
  const [ruleSet, setRuleSet] = useState<"SAVED" | "DRAFT">("DRAFT");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const simulate = useMutation(
    trpc.routingRules.simulate.mutationOptions({
      onMutate: () => setErrors({}),
      onError: (error) => setErrors(fieldErrors(error)),
    }),
  );

  const presets = [
    { group: t("presetCustomers"), items: network.customerCities.map((c, i) => ({ value: `city:${i}`, label: `${c.city} (${c.countryCode})` })) },
    { group: t("presetStores"), items: network.locations.filter((l) => l.kind === "STORE").map((l) => ({ value: `store:${l.id}`, label: t("presetStore", { name: l.name, city: l.city }) })) },
  ].filter((g) => g.items.length > 0);

  function choosePreset(value: string | null) {
    setPreset(value);
    if (!value) return;
    const [kind, ref] = value.split(":");
    const source =
      kind === "city"
        ? network.customerCities[Number(ref)]
        : (() => {
            const l = network.locations.find((x) => x.id === ref);
            return l ? { countryCode: l.countryCode, postalCode: l.postalCode, city: l.city, latitude: l.latitude, longitude: l.longitude } : undefined;
          })();
    if (source) setAddress({ countryCode: source.countryCode, postalCode: source.postalCode, city: source.city, latitude: source.latitude, longitude: source.longitude });
  }

  function setField(field: keyof Address, value: string | number) {
    setAddress((a) => ({ ...a, [field]: value }));
    setPreset(null);
  }

  function run() {
    const storeBound = type === "PICKUP";
    simulate.mutate({
      channel: channel as (typeof Channel.options)[number],
      fulfillmentType: type,
      address: storeBound
        ? null
        : { countryCode: address.countryCode, postalCode: address.postalCode, city: address.city, latitude: num(address.latitude), longitude: num(address.longitude) },
      pickupLocationId: storeBound ? pickupLocationId : null,
      items: items.map((i) => ({ sku: i.sku ?? "", quantity: num(i.quantity) ?? Number.NaN })),
      ...(ruleSet === "DRAFT" ? { rules: toInput(draft) } : {}),
    });
  }

  const other = errors["address.countryCode"] ?? errors.items ?? errors.pickupLocationId ?? null;
  const ruleErrors = Object.keys(errors).some((k) => k.startsWith("rules."));
  return (
    <Panel title={t("title")} description={t("hint")}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <SegmentedControl
            value={type}
            onChange={(v) => setType(v as SimType)}
            data={(["SHIP", "DELIVERY", "PICKUP"] as const).map((v) => ({ value: v, label: tType(v) }))}
            aria-label={t("type")}
          />
          <Select
            aria-label={t("channel")}
            w={170}
            data={Channel.options.map((c) => ({ value: c, label: tChannel(c) }))}
            value={channel}
            onChange={(v) => v && setChannel(v)}
            allowDeselect={false}
          />
        </Group>

        {type === "PICKUP" ? (
          <Select
            label={t("pickupStore")}
            data={stores.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            value={pickupLocationId}
            onChange={setPickup}
            error={errors.pickupLocationId}
            allowDeselect={false}
          />
        ) : (
          <Stack gap="xs">
            <Select
              label={t("preset")}
              placeholder={t("presetPlaceholder")}
              leftSection={<IconMapPin size={16} aria-hidden />}
              data={presets}
              value={preset}
              onChange={choosePreset}
              searchable
            />
            <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
              <TextInput label={t("country")} value={address.countryCode} onChange={(e) => setField("countryCode", e.currentTarget.value.toUpperCase())} maxLength={2} error={errors["address.countryCode"]} />
              <TextInput label={t("postalCode")} value={address.postalCode} onChange={(e) => setField("postalCode", e.currentTarget.value)} />
              <TextInput label={t("city")} value={address.city} onChange={(e) => setField("city", e.currentTarget.value)} />
              <NumberInput label={t("latitude")} value={address.latitude} onChange={(v) => setField("latitude", v)} decimalScale={5} min={-90} max={90} hideControls error={errors["address.latitude"]} />
              <NumberInput label={t("longitude")} value={address.longitude} onChange={(v) => setField("longitude", v)} decimalScale={5} min={-180} max={180} hideControls error={errors["address.longitude"]} />
            </SimpleGrid>
          </Stack>
        )}

        <Stack gap={6}>
          {items.map((item, i) => (
            <Group key={item.key} align="flex-start" gap="xs" wrap="nowrap">
              <SkuPicker
                label={i === 0 ? t("item") : ""}
                value={item.sku}
                onChange={(sku) => setItems((all) => all.map((x) => (x.key === item.key ? { ...x, sku } : x)))}
                error={errors[`items.${i}.sku`]}
              />
              <NumberInput
                label={i === 0 ? t("quantity") : ""}
                w={96}
                min={1}
                max={999}
                allowNegative={false}
                decimalScale={0}
                value={item.quantity}
                onChange={(v) => setItems((all) => all.map((x) => (x.key === item.key ? { ...x, quantity: v } : x)))}
                error={errors[`items.${i}.quantity`]}
                aria-label={t("quantityOf", { n: i + 1 })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={i === 0 ? 28 : 4}
                size="lg"
                disabled={items.length === 1}
                onClick={() => setItems((all) => all.filter((x) => x.key !== item.key))}
                aria-label={t("removeItem", { n: i + 1 })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setItems((all) => [...all, { key: Math.max(...all.map((x) => x.key)) + 1, sku: null, quantity: 1 }])}
              disabled={items.length >= 50}
            >
              {t("addItem")}
            </Button>
          </Group>
        </Stack>

        <Group justify="space-between" gap="sm">
          <SegmentedControl
            value={ruleSet}
            onChange={(v) => setRuleSet(v as "SAVED" | "DRAFT")}
            data={[
              { value: "SAVED", label: t("savedRules") },
              { value: "DRAFT", label: dirty ? t("draftRules") : t("draftSame") },
            ]}
            aria-label={t("ruleSet")}
          />
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={run} loading={simulate.isPending} data-testid="sim-run">
            {t("run")}
          </Button>
        </Group>

        {simulate.isError && Object.keys(errors).length === 0 ? (
          <ErrorState title={t("failed")} message={simulate.error.message} retryLabel={t("retry")} onRetry={run} />
        ) : simulate.isError ? (
          <Alert color="red" role="alert">
            {ruleErrors ? t("draftInvalid") : (other ?? t("fix"))}
          </Alert>
        ) : null}
        {simulate.isPending ? (
          <Skeleton height={180} radius="md" />
        ) : simulate.data ? (
          <SimulationResult simulation={simulate.data} />
        ) : !simulate.isError ? (
          <EmptyState title={t("emptyTitle")} description={t("emptyHint")} />
        ) : null}
        {simulate.data ? (
          <Text size="xs" c="dimmed">
            {t("caveat")}
          </Text>
        ) : null}
      </Stack>
    </Panel>
  );
}
