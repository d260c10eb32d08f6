"use client";
import { Alert, Badge, Button, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import type { PosCustomerSummary, PosLineFulfillment } from "@oms/contracts";
import { ErrorState } from "@oms/ui";
import { IconBuildingStore, IconShoppingBag, IconTruckDelivery } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useTRPC } from "../../../trpc/client.tsx";
import type { SaleLine } from "./cart.ts";
import { serverMessage, type TillContext } from "./shared.ts";

interface StockModalProps {
  opened: boolean;
  onClose: () => void;
  till: TillContext;
  line: SaleLine;
  lineName: string;
  customer: PosCustomerSummary | null;
  onChoose: (fulfillment: PosLineFulfillment | undefined) => void;
}

/**
 * F3, endless aisle: the selected item's stock here and at other locations. When it is
 * short here, the line can be shipped to the customer or picked up at another store; the
 * order is routed like any other and paid now, at this till.
 */
export function StockModal(props: StockModalProps) {
  const t = useTranslations("posSale.stock");
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("title", { name: props.lineName })} size="xl" centered>
      {props.opened ? <StockBody {...props} /> : null}
    </Modal>
  );
}

function StockBody({ till, line, customer, onChoose }: StockModalProps) {
  const t = useTranslations("posSale.stock");
  const trpc = useTRPC();
  const [shipping, setShipping] = useState(false);
  const found = useQuery({ ...trpc.pos.searchProducts.queryOptions({ locationId: till.locationId, query: line.sku || line.variantId, limit: 20 }), enabled: line.sku.length > 0, staleTime: 0 });
  // A resumed line has no SKU until priced: the exact scan lookup is not possible either, so ask by name.
  const product = found.data?.find((p) => p.variantId === line.variantId);

  if (!line.sku) return <Text c="dimmed">{t("waitForPrices")}</Text>;
  if (found.isError) return <ErrorState title={t("loadFailed")} message={serverMessage(found.error) ?? ""} retryLabel={t("retry")} onRetry={() => void found.refetch()} />;
  if (!found.data) return <Loader />;
  if (!product) return <Text c="dimmed">{t("notFound")}</Text>;
  if (shipping) return <ShipForm till={till} customer={customer} onBack={() => setShipping(false)} onShip={(address) => onChoose({ type: "SHIP", address })} />;

  const canShip = product.elsewhere.some((s) => s.fulfillmentTypes.includes("SHIP") && s.available >= line.quantity);
  const current = line.fulfillment?.type ?? "CARRY_OUT";
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Badge size="xl" variant="light" color={product.available >= line.quantity ? "teal" : "orange"} tt="none">
          {t("here", { count: product.available })}
        </Badge>
        <Text size="sm" c="dimmed">
          {t("wanted", { count: line.quantity })}
        </Text>
      </Group>
      {product.elsewhere.length === 0 ? (
        <Alert color="gray" variant="light">
          {t("nowhere")}
        </Alert>
      ) : (
        <Table verticalSpacing="sm" highlightOnHover aria-label={t("elsewhere")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("location")}</Table.Th>
              <Table.Th ta="end">{t("available")}</Table.Th>
              <Table.Th ta="end">{t("choose")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {product.elsewhere.map((s) => {
              const pickup = s.kind === "STORE" && s.fulfillmentTypes.includes("PICKUP");
              const enough = s.available >= line.quantity;
              return (
                <Table.Tr key={s.locationId} data-testid="stock-elsewhere">
                  <Table.Td>
                    <Text fw={600}>{s.name}</Text>
                    <Text size="xs" c="dimmed">
                      {s.city} · {s.code}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="end" fw={700}>
                    {s.available}
                  </Table.Td>
                  <Table.Td ta="end">
                    {pickup ? (
                      <Button
                        size="md"
                        variant={line.fulfillment?.type === "PICKUP" && line.fulfillment.locationId === s.locationId ? "filled" : "light"}
                        disabled={!enough}
                        leftSection={<IconBuildingStore size={16} aria-hidden />}
                        onClick={() => onChoose({ type: "PICKUP", locationId: s.locationId })}
                      >
                        {t("pickupThere")}
                      </Button>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t("noPickup")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Button size="md" variant={current === "CARRY_OUT" ? "filled" : "default"} leftSection={<IconShoppingBag size={18} aria-hidden />} onClick={() => onChoose(undefined)}>
          {t("carryOut")}
        </Button>
        <Button size="md" variant={current === "SHIP" ? "filled" : "light"} color="indigo" disabled={!canShip} leftSection={<IconTruckDelivery size={18} aria-hidden />} onClick={() => setShipping(true)}>
          {t("ship")}
        </Button>
      </Group>
    </Stack>
  );
}

function ShipForm({ till, customer, onBack, onShip }: { till: TillContext; customer: PosCustomerSummary | null; onBack: () => void; onShip: (address: Extract<PosLineFulfillment, { type: "SHIP" }>["address"]) => void }) {
  const t = useTranslations("posSale.stock.address");
  const [a, setA] = useState({ name: customer?.name ?? "", line1: "", line2: "", postalCode: "", city: "", countryCode: till.countryCode, phone: customer?.phone ?? "" });
  const [missing, setMissing] = useState<string[]>([]);
  const set = (key: keyof typeof a) => (e: React.ChangeEvent<HTMLInputElement>) => setA((v) => ({ ...v, [key]: e.currentTarget.value }));
  const err = (key: string) => (missing.includes(key) ? t("required") : undefined);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const need = (["name", "line1", "postalCode", "city", "countryCode"] as const).filter((k) => !a[k].trim());
        setMissing(need);
        if (need.length) return;
        onShip({ name: a.name, line1: a.line1, line2: a.line2 || null, postalCode: a.postalCode, city: a.city, countryCode: a.countryCode.toUpperCase(), phone: a.phone || null });
      }}
    >
      <Stack gap="sm">
        {!customer ? (
          <Alert color="yellow" variant="light">
            {t("noCustomer")}
          </Alert>
        ) : null}
        <SimpleGrid cols={2}>
          <TextInput data-autofocus size="md" label={t("name")} value={a.name} onChange={set("name")} error={err("name")} />
          <TextInput size="md" label={t("phone")} value={a.phone} onChange={set("phone")} inputMode="tel" />
          <TextInput size="md" label={t("line1")} value={a.line1} onChange={set("line1")} error={err("line1")} />
          <TextInput size="md" label={t("line2")} value={a.line2} onChange={set("line2")} />
          <TextInput size="md" label={t("postalCode")} value={a.postalCode} onChange={set("postalCode")} error={err("postalCode")} />
          <TextInput size="md" label={t("city")} value={a.city} onChange={set("city")} error={err("city")} />
          <TextInput size="md" label={t("countryCode")} value={a.countryCode} onChange={set("countryCode")} error={err("countryCode")} maxLength={2} />
        </SimpleGrid>
        <Group justify="space-between">
          <Button size="md" variant="subtle" onClick={onBack}>
            {t("back")}
          </Button>
          <Button size="md" type="submit" color="indigo" leftSection={<IconTruckDelivery size={18} aria-hidden />}>
            {t("submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
