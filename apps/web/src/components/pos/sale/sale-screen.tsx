"use client";
import { Alert, Badge, Box, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconBell, IconCheck, IconShieldLock } from "@tabler/icons-react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { useLiveEvents } from "../../../realtime/live-provider.tsx";
import { useTRPC } from "../../../trpc/client.tsx";
import { ApprovalModal, type ApprovalRequest } from "./approval-modal.tsx";
import { emptySale, saleReducer, toCart } from "./cart.ts";
import { CartLines } from "./cart-lines.tsx";
import { CustomerModal } from "./customer-modal.tsx";
import { DiscountModal } from "./discount-modal.tsx";
import type { SaleCommand } from "./keyboard.ts";
import { ParkModal, ParkedModal } from "./park-modals.tsx";
import { PayModal } from "./pay-modal.tsx";
import { PriceOverrideModal } from "./price-override-modal.tsx";
import { ProductSearch, type ProductSearchHandle } from "./product-search.tsx";
import { playErrorBeep, playScanBeep } from "./sounds.ts";
import { serverMessage, type PosProductData, type TillContext } from "./shared.ts";
import { StockModal } from "./stock-modal.tsx";
import { TotalsPanel } from "./totals-panel.tsx";
import { useTillKeys } from "./use-till-keys.ts";
import { VoidSaleModal } from "./void-sale-modal.tsx";
import type { OfflineSaleCommand } from "@oms/contracts";
import { OfflinePayModal } from "../offline/offline-pay-modal.tsx";
import { cachedProduct } from "../offline/offline-products.ts";
import { OfflineReceipt } from "../offline/offline-receipt.tsx";
import { lookupCode, quoteOffline, type OfflineProblem } from "../offline/offline-sale.ts";
import { OfflineStatus } from "../offline/offline-status.tsx";
import { useOfflineTill } from "../offline/use-offline-till.tsx";

type Dialog = "customer" | "discount" | "override" | "park" | "parked" | "pay" | "stock" | "voidSale" | "approval";

/**
 * /pos/sale: the cashier's sale. Cart on the start side, customer, totals and the commands
 * on the end side. A scan anywhere adds the item (use-till-keys.ts); every command has a
 * key shown on its button; the server prices the cart on every change (pos.quote).
 */
export function SaleScreen({ till }: { till: TillContext }) {
  const t = useTranslations("posSale");
  const tOffline = useTranslations("posOffline");
  const offline = useOfflineTill();
  // Offline the till sells from its cached catalogue, priced by the same arithmetic (docs/pos.md#offline).
  const isOffline = !offline.online;
  const [offlineReceipt, setOfflineReceipt] = useState<OfflineSaleCommand | null>(null);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [sale, dispatch] = useReducer(saleReducer, emptySale);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [approval, setApproval] = useState<ApprovalRequest | null>(null);
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [newOrders, setNewOrders] = useState(0);
  const search = useRef<ProductSearchHandle>(null);
  // After a discount or override the next quote tells whether a manager must approve it.
  const expectApproval = useRef(false);

  // The cart as the server prices it; re-asked on every change (revision), and kept on
  // screen while the next answer is on its way.
  const cart = useMemo(() => toCart(sale), [sale.revision]);
  const quote = useQuery({
    ...trpc.pos.quote.queryOptions({ locationId: till.locationId, cart }),
    enabled: cart.lines.length > 0 && !isOffline,
    placeholderData: keepPreviousData,
    // Live events refresh stock; prices have no event yet, so a slow poll keeps them current.
    refetchInterval: 60_000,
  });
  // `shown`: the latest answer, possibly for the previous cart (kept while the next one
  // comes); `priced`: the answer for exactly this cart, which payment and approvals need.
  const local = useMemo(() => (isOffline && offline.catalog && cart.lines.length > 0 ? quoteOffline(cart, offline.catalog) : null), [isOffline, offline.catalog, cart]);
  const offlineProblem: OfflineProblem | null = local?.problem ?? null;
  const shown = cart.lines.length > 0 ? (isOffline ? (local?.quote ?? null) : (quote.data ?? null)) : null;
  const priced = isOffline ? (offlineProblem ? null : shown) : shown && !quote.isPlaceholderData && shown.lines.length === cart.lines.length ? shown : null;
  const pendingApprovals = isOffline ? [] : (priced?.approvals.filter((a) => !a.approved) ?? []);

  useEffect(() => {
    if (!expectApproval.current || !priced || quote.isPlaceholderData) return;
    expectApproval.current = false;
    const need = priced.approvals.find((a) => !a.approved);
    if (need) {
      setApproval({ kind: need.kind, variantId: need.variantId, reason: need.reason });
      setDialog("approval");
    }
  }, [priced, quote.isPlaceholderData]);

  useLiveEvents((event) => {
    if (event.topic === "inventory.changed" && event.payload.locationId === till.locationId) {
      void queryClient.invalidateQueries({ queryKey: trpc.pos.quote.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.pos.searchProducts.queryKey() });
    }
    if (event.topic === "fulfillment.changed" && event.payload.locationId === till.locationId && event.payload.change === "fulfillment.created") {
      setNewOrders((n) => n + 1);
      notifications.show({ id: `store-order-${event.payload.fulfillmentOrderId}`, color: "blue", icon: <IconBell size={18} />, title: t("live.newOrderTitle"), message: t("live.newOrder"), autoClose: 8000 });
    }
  });

  const addProduct = useCallback(
    (product: PosProductData) => {
      if (product.unitPrice === null) {
        setStatus({ tone: "error", text: t("scan.noPrice", { name: product.name }) });
        playErrorBeep();
        return;
      }
      dispatch({ type: "add", item: { variantId: product.variantId, sku: product.sku, name: product.name }, key: crypto.randomUUID() });
      setStatus({ tone: "ok", text: t("scan.added", { name: product.name }) });
      playScanBeep();
    },
    [t],
  );

  const addByCode = useCallback(
    async (code: string): Promise<boolean> => {
      if (isOffline) {
        const item = offline.catalog ? lookupCode(offline.catalog, code) : null;
        if (item && offline.catalog) {
          addProduct(cachedProduct(item, offline.catalog));
          return true;
        }
        setStatus({ tone: "error", text: t("scan.notFound", { code }) });
        playErrorBeep();
        return false;
      }
      try {
        const product = await queryClient.fetchQuery({ ...trpc.pos.lookupBarcode.queryOptions({ locationId: till.locationId, code }), staleTime: 0 });
        addProduct(product);
        return true;
      } catch (error) {
        setStatus({ tone: "error", text: serverMessage(error) ?? t("scan.notFound", { code }) });
        playErrorBeep();
        return false;
      }
    },
    [queryClient, trpc, till.locationId, addProduct, t, isOffline, offline.catalog],
  );

  const selected = sale.selected >= 0 ? sale.lines[sale.selected] : undefined;
  const selectedQuote = selected ? shown?.lines.find((l) => l.index === sale.selected && l.variantId === selected.variantId) : undefined;
  const canPay = isOffline ? cart.lines.length > 0 && !!priced : cart.lines.length > 0 && !!priced && priced.approved && !quote.isFetching;

  const run = useCallback(
    (command: SaleCommand) => {
      // What needs the server (a customer, an approval, stock elsewhere, parked sales) waits for it.
      if (isOffline && (command === "customer" || command === "priceOverride" || command === "stock" || command === "park" || command === "parked")) {
        playErrorBeep();
        return setStatus({ tone: "error", text: tOffline("notOffline") });
      }
      switch (command) {
        case "search":
          search.current?.focus();
          return;
        case "customer":
          return setDialog("customer");
        case "discount":
          return sale.lines.length > 0 ? setDialog("discount") : setStatus({ tone: "error", text: t("hints.addFirst") });
        case "priceOverride":
          return selected ? setDialog("override") : setStatus({ tone: "error", text: t("hints.selectLine") });
        case "stock":
          return selected ? setDialog("stock") : setStatus({ tone: "error", text: t("hints.selectLine") });
        case "park":
          return sale.lines.length > 0 ? setDialog("park") : setStatus({ tone: "error", text: t("hints.addFirst") });
        case "parked":
          return setDialog("parked");
        case "pay":
          if (!canPay) return setStatus({ tone: "error", text: sale.lines.length === 0 ? t("hints.addFirst") : offlineProblem ? tOffline(`problems.${offlineProblem.kind}`) : pendingApprovals.length ? t("hints.approveFirst") : t("hints.waitForPrices") });
          return setDialog("pay");
        case "quantityUp":
          return selected && dispatch({ type: "changeQuantity", index: sale.selected, delta: 1 });
        case "quantityDown":
          return selected && dispatch({ type: "changeQuantity", index: sale.selected, delta: -1 });
        case "voidLine":
          if (!selected) return;
          setStatus({ tone: "ok", text: t("cart.voided", { name: selectedQuote?.name ?? selected.name }) });
          return dispatch({ type: "voidLine", index: sale.selected });
        case "voidSale":
          return sale.lines.length > 0 && setDialog("voidSale");
        case "selectPrevious":
          return dispatch({ type: "selectBy", delta: -1 });
        case "selectNext":
          return dispatch({ type: "selectBy", delta: 1 });
      }
    },
    [sale.lines.length, sale.selected, selected, selectedQuote, canPay, pendingApprovals.length, t, tOffline, isOffline, offlineProblem],
  );

  useTillKeys({
    dialogOpen: dialog !== null,
    onScan: (code) => void addByCode(code),
    onCommand: run,
  });

  const close = () => setDialog(null);

  return (
    <Box
      style={{
        display: "grid",
        gridTemplateColumns: "minmax(0, 1fr) minmax(300px, 38%)",
        gap: "var(--mantine-spacing-md)",
        // The sale fills the window under the header: the cart scrolls, the pay button stays in sight.
        blockSize: "calc(100dvh - 64px - 2 * var(--mantine-spacing-lg))",
        minBlockSize: 560,
      }}
    >
      <Stack gap="sm" style={{ minInlineSize: 0, minBlockSize: 0 }}>
        <OfflineStatus till={till} />
        <ProductSearch ref={search} locationId={till.locationId} currency={till.currency} locale={till.locale} onPick={addProduct} onCode={addByCode} offlineCatalog={isOffline ? offline.catalog : null} />
        <Group gap="xs" justify="space-between" wrap="nowrap" mih={28}>
          <Text size="sm" role="status" aria-live="polite" c={status?.tone === "error" ? "red.8" : "teal.8"} fw={600} truncate data-testid="sale-status">
            {status ? (
              <>
                {status.tone === "ok" ? <IconCheck size={14} aria-hidden style={{ verticalAlign: "-2px" }} /> : <IconAlertTriangle size={14} aria-hidden style={{ verticalAlign: "-2px" }} />} {status.text}
              </>
            ) : (
              <Text span c="dimmed" size="sm" fw={400}>
                {t("scan.ready")}
              </Text>
            )}
          </Text>
          {newOrders > 0 ? (
            <Badge color="blue" variant="light" size="lg" leftSection={<IconBell size={14} aria-hidden />} style={{ flexShrink: 0 }}>
              {t("live.newOrders", { count: newOrders })}
            </Badge>
          ) : null}
        </Group>
        <CartLines
          lines={sale.lines}
          quote={shown}
          selected={sale.selected}
          currency={till.currency}
          locale={till.locale}
          onSelect={(index) => dispatch({ type: "select", index })}
          onStep={(index, delta) => dispatch({ type: "changeQuantity", index, delta })}
          onVoid={(index) => dispatch({ type: "voidLine", index })}
          onStock={(index) => (dispatch({ type: "select", index }), setDialog("stock"))}
        />
      </Stack>

      <Stack gap="sm" style={{ minInlineSize: 0, minBlockSize: 0, overflowY: "auto" }}>
        {offlineProblem ? (
          <Alert color="orange" variant="light" role="alert" title={tOffline("problems.title")} data-testid="offline-problem">
            {tOffline(`problems.${offlineProblem.kind}`)}
          </Alert>
        ) : null}
        {!isOffline && quote.isError && cart.lines.length > 0 ? (
          <Alert color="red" variant="light" role="alert" title={t("quote.failed")}>
            {serverMessage(quote.error)}
          </Alert>
        ) : null}
        {pendingApprovals.length > 0 ? (
          <Paper withBorder radius="md" p="sm" bg="yellow.0" data-testid="approval-needed">
            <Stack gap={6}>
              {pendingApprovals.map((need) => (
                <Text key={`${need.kind}-${need.lineIndex}`} size="sm">
                  {need.reason}
                </Text>
              ))}
              <Button
                size="md"
                color="yellow.8"
                leftSection={<IconShieldLock size={18} aria-hidden />}
                onClick={() => {
                  const need = pendingApprovals[0]!;
                  setApproval({ kind: need.kind, variantId: need.variantId, reason: need.reason });
                  setDialog("approval");
                }}
              >
                {t("approval.open")}
              </Button>
            </Stack>
          </Paper>
        ) : null}
        <TotalsPanel
          till={till}
          customer={sale.customer}
          quote={shown}
          lineCount={sale.lines.length}
          hasSelection={!!selected}
          canPay={canPay}
          approvals={sale.approvals}
          onCommand={run}
          onDetachCustomer={() => dispatch({ type: "setCustomer", customer: null })}
        />
      </Stack>

      <CustomerModal opened={dialog === "customer"} onClose={close} onChoose={(customer) => (dispatch({ type: "setCustomer", customer }), close(), setStatus({ tone: "ok", text: t("customer.attached", { name: customer.name }) }))} />
      <DiscountModal
        opened={dialog === "discount"}
        onClose={close}
        currency={till.currency}
        locale={till.locale}
        line={selected && selectedQuote ? { name: selectedQuote.name, discount: selected.lineDiscount, gross: selectedQuote.gross } : selected ? { name: selected.name, discount: selected.lineDiscount, gross: null } : null}
        orderDiscount={sale.orderDiscount}
        subtotal={priced?.subtotal ?? null}
        onApply={(target, discount) => {
          if (target === "line") dispatch({ type: "setLineDiscount", index: sale.selected, discount });
          else dispatch({ type: "setOrderDiscount", discount });
          expectApproval.current = discount !== undefined;
          close();
        }}
      />
      {selected ? (
        <PriceOverrideModal
          opened={dialog === "override"}
          onClose={close}
          name={selectedQuote?.name ?? selected.name}
          catalogPrice={selectedQuote?.catalogUnitPrice ?? null}
          override={selected.priceOverride}
          currency={till.currency}
          locale={till.locale}
          onApply={(unitPrice) => {
            dispatch({ type: "setPriceOverride", index: sale.selected, unitPrice });
            expectApproval.current = unitPrice !== undefined;
            close();
          }}
        />
      ) : null}
      {selected ? (
        <StockModal
          opened={dialog === "stock"}
          onClose={close}
          till={till}
          line={{ ...selected, sku: selectedQuote?.sku ?? selected.sku }}
          lineName={selectedQuote?.name ?? selected.name}
          customer={sale.customer}
          onChoose={(fulfillment) => {
            dispatch({ type: "setFulfillment", index: sale.selected, fulfillment });
            close();
          }}
        />
      ) : null}
      <ApprovalModal
        opened={dialog === "approval"}
        onClose={close}
        locationId={till.locationId}
        request={approval}
        onApproved={(a) => {
          dispatch({ type: "approve", approval: a });
          setStatus({ tone: "ok", text: t("approval.done", { name: a.managerName }) });
          close();
        }}
      />
      <ParkModal
        opened={dialog === "park"}
        onClose={close}
        till={till}
        cart={cart}
        defaultLabel={sale.resumedLabel ?? sale.customer?.name ?? ""}
        onParked={(label) => {
          dispatch({ type: "clear" });
          setStatus({ tone: "ok", text: t("park.done", { label }) });
          close();
        }}
      />
      <ParkedModal
        opened={dialog === "parked"}
        onClose={close}
        till={till}
        cartEmpty={sale.lines.length === 0}
        onResume={(resumed, names) => {
          dispatch({ type: "resume", label: resumed.label, cart: resumed.cart, names, keys: resumed.cart.lines.map(() => crypto.randomUUID()) });
          setStatus({ tone: "ok", text: t("parked.resumed", { label: resumed.label }) });
          close();
        }}
      />
      <VoidSaleModal
        opened={dialog === "voidSale"}
        onClose={close}
        onConfirm={() => {
          dispatch({ type: "clear" });
          setStatus({ tone: "ok", text: t("voidSale.done") });
          close();
        }}
      />
      {dialog === "pay" && priced && isOffline ? (
        <OfflinePayModal
          till={till}
          cart={cart}
          quote={priced}
          onClose={close}
          onRecorded={(command) => {
            dispatch({ type: "clear" });
            close();
            setOfflineReceipt(command);
            setStatus({ tone: "ok", text: tOffline("pay.recorded") });
          }}
        />
      ) : null}
      {offlineReceipt && offline.catalog ? <OfflineReceipt till={till} catalog={offline.catalog} command={offlineReceipt} onDone={() => setOfflineReceipt(null)} /> : null}
      {dialog === "pay" && priced && !isOffline ? (
        <PayModal
          till={till}
          cart={cart}
          revision={sale.revision}
          quote={priced}
          onClose={close}
          onCompleted={(orderId) => {
            dispatch({ type: "clear" });
            close();
            router.push(`/pos/sale/receipt/${orderId}`);
          }}
          onVoided={() => {
            dispatch({ type: "clear" });
            setStatus({ tone: "ok", text: t("voidSale.done") });
            close();
          }}
        />
      ) : null}
    </Box>
  );
}
