"use client";
import { Barcode, dateTimeText, moneyText } from "@oms/ui";
import { useTranslations } from "use-intl";
import { ReceiptFrame, ReceiptRow } from "../receipt/receipt-frame.tsx";
import type { TillExchangeData, TillOrderData, TillReturnData, TillStore } from "../orders/shared.ts";

export interface ReturnReceiptProps {
  store: TillStore;
  order: TillOrderData;
  ret: TillReturnData | TillExchangeData["return"];
  exchange: TillExchangeData | null;
  cashierName: string;
}

/**
 * The customer's return slip for an 80 mm roll: what came back and why, what was refunded
 * and how (card outcome, cash, the store credit code with a barcode to scan at the till),
 * and for an exchange the new order and the difference.
 */
export function ReturnReceipt({ store, order, ret, exchange, cashierName }: ReturnReceiptProps) {
  const t = useTranslations("posReturns.receipt");
  const tr = useTranslations("posReturns.lines");
  const money = (n: number) => moneyText(n, order.currency, store.locale);
  const lineById = new Map(order.lines.map((l) => [l.orderLineId, l]));
  const credit = ret.storeCredit;
  return (
    <ReceiptFrame label={t("label", { number: ret.number })} testId="return-receipt">
      <header className="r-center">
        <div className="r-store">{store.name}</div>
        <div className="r-strong">{exchange ? t("titleExchange") : t("title")}</div>
      </header>
      <hr />
      <ReceiptRow left={t("number")} right={ret.number} />
      <ReceiptRow left={t("date")} right={dateTimeText(ret.completedAt ?? new Date(), store.timeZone, store.locale)} />
      <ReceiptRow left={t("order")} right={order.number} />
      <ReceiptRow left={t("cashier")} right={cashierName} />
      {order.customerName ? <ReceiptRow left={t("customer")} right={order.customerName} /> : null}
      <hr />
      {ret.lines.map((l) => (
        <div key={l.id} className="r-line">
          <div className="r-strong">{lineById.get(l.orderLineId)?.name ?? l.name}</div>
          <ReceiptRow left={`${l.quantity} × ${l.sku}`} right={money(l.refundAmount)} />
          <div className="r-dim">
            {tr(`reasons.${l.reason}`)} · {tr(`conditions.${l.condition}`)}
          </div>
        </div>
      ))}
      <hr />
      <div className="r-total">
        <ReceiptRow left={t("returnValue")} right={money(ret.refundTotal)} />
      </div>
      {exchange ? (
        <>
          <ReceiptRow left={t("newOrder")} right={exchange.exchangeOrder.number} />
          <ReceiptRow left={t("newTotal")} right={money(exchange.newTotal)} />
          {exchange.amountDue > 0 ? <ReceiptRow left={exchange.differencePaid ? t("paidCash") : t("toPay")} right={money(exchange.amountDue)} /> : null}
        </>
      ) : null}
      {exchange ? <ReceiptRow left={t("appliedToNew")} right={money(Math.min(exchange.returnValue, exchange.newTotal))} /> : null}
      {ret.refunds
        // In an exchange the store credit row is the value moved to the new order (above).
        .filter((r) => !(exchange && r.method === "STORE_CREDIT"))
        .map((r) => (
          <ReceiptRow key={r.id} left={`${t(`method.${r.method}`)}${r.status === "FAILED" ? ` (${t("failed")})` : r.status === "PENDING" ? ` (${t("pending")})` : ""}`} right={money(r.amount)} />
        ))}
      {credit && credit.balance > 0 ? (
        <>
          <hr />
          <div className="r-center r-strong">{t("creditTitle")}</div>
          <div className="r-center r-code">{credit.code}</div>
          <ReceiptRow left={t("creditBalance")} right={money(credit.balance)} />
          <div className="r-barcode">
            <Barcode value={credit.code} height={44} moduleWidth={1.4} label={t("creditBarcode", { code: credit.code })} />
          </div>
          <div className="r-center r-dim">{t("creditHint")}</div>
        </>
      ) : null}
      <hr />
      <footer className="r-center">{t("thanks")}</footer>
    </ReceiptFrame>
  );
}
