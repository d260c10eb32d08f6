"use client";
import { Barcode, dateTimeText, moneyText } from "@oms/ui";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import type { TillExchangeData, TillOrderData, TillReturnData, TillStore } from "../orders/shared.ts";

/** The class the print rules keep: only the return receipt prints, 80 mm wide. */
export const RETURN_RECEIPT_CLASS = "oms-return-receipt";

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
    <article className={RETURN_RECEIPT_CLASS} aria-label={t("label", { number: ret.number })} data-testid="return-receipt">
      <style>{css}</style>
      <header className="r-center">
        <div className="r-store">{store.name}</div>
        <div className="r-strong">{exchange ? t("titleExchange") : t("title")}</div>
      </header>
      <hr />
      <Row left={t("number")} right={ret.number} />
      <Row left={t("date")} right={dateTimeText(ret.completedAt ?? new Date(), store.timeZone, store.locale)} />
      <Row left={t("order")} right={order.number} />
      <Row left={t("cashier")} right={cashierName} />
      {order.customerName ? <Row left={t("customer")} right={order.customerName} /> : null}
      <hr />
      {ret.lines.map((l) => (
        <div key={l.id} className="r-line">
          <div className="r-strong">{lineById.get(l.orderLineId)?.name ?? l.name}</div>
          <Row left={`${l.quantity} × ${l.sku}`} right={money(l.refundAmount)} />
          <div className="r-dim">
            {tr(`reasons.${l.reason}`)} · {tr(`conditions.${l.condition}`)}
          </div>
        </div>
      ))}
      <hr />
      <div className="r-total">
        <Row left={t("returnValue")} right={money(ret.refundTotal)} />
      </div>
      {exchange ? (
        <>
          <Row left={t("newOrder")} right={exchange.exchangeOrder.number} />
          <Row left={t("newTotal")} right={money(exchange.newTotal)} />
          {exchange.amountDue > 0 ? <Row left={exchange.differencePaid ? t("paidCash") : t("toPay")} right={money(exchange.amountDue)} /> : null}
        </>
      ) : null}
      {exchange ? <Row left={t("appliedToNew")} right={money(Math.min(exchange.returnValue, exchange.newTotal))} /> : null}
      {ret.refunds
        // In an exchange the store credit row is the value moved to the new order (above).
        .filter((r) => !(exchange && r.method === "STORE_CREDIT"))
        .map((r) => (
          <Row key={r.id} left={`${t(`method.${r.method}`)}${r.status === "FAILED" ? ` (${t("failed")})` : r.status === "PENDING" ? ` (${t("pending")})` : ""}`} right={money(r.amount)} />
        ))}
      {credit && credit.balance > 0 ? (
        <>
          <hr />
          <div className="r-center r-strong">{t("creditTitle")}</div>
          <div className="r-center r-code">{credit.code}</div>
          <Row left={t("creditBalance")} right={money(credit.balance)} />
          <div className="r-barcode">
            <Barcode value={credit.code} height={44} moduleWidth={1.4} label={t("creditBarcode", { code: credit.code })} />
          </div>
          <div className="r-center r-dim">{t("creditHint")}</div>
        </>
      ) : null}
      <hr />
      <footer className="r-center">{t("thanks")}</footer>
    </article>
  );
}

function Row({ left, right }: { left: ReactNode; right: ReactNode }) {
  return (
    <div className="r-row">
      <span>{left}</span>
      <span className="r-amount">{right}</span>
    </div>
  );
}

const css = `
.${RETURN_RECEIPT_CLASS} {
  inline-size: 80mm;
  max-inline-size: 100%;
  box-sizing: border-box;
  padding: 5mm 4mm;
  margin-inline: auto;
  background: #fff;
  color: #000;
  font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 12px;
  line-height: 1.35;
  box-shadow: 0 1px 6px rgb(0 0 0 / 0.18);
}
.${RETURN_RECEIPT_CLASS} hr { border: 0; border-block-start: 1px dashed #000; margin-block: 2.5mm; }
.${RETURN_RECEIPT_CLASS} .r-center { text-align: center; }
.${RETURN_RECEIPT_CLASS} .r-store { font-size: 15px; font-weight: 700; }
.${RETURN_RECEIPT_CLASS} .r-strong { font-weight: 700; }
.${RETURN_RECEIPT_CLASS} .r-dim { color: #333; }
.${RETURN_RECEIPT_CLASS} .r-code { font-size: 16px; font-weight: 700; letter-spacing: 0.08em; margin-block: 1mm; }
.${RETURN_RECEIPT_CLASS} .r-line { margin-block-end: 1.5mm; }
.${RETURN_RECEIPT_CLASS} .r-row { display: flex; justify-content: space-between; gap: 2mm; }
.${RETURN_RECEIPT_CLASS} .r-amount { white-space: nowrap; text-align: end; font-variant-numeric: tabular-nums; }
.${RETURN_RECEIPT_CLASS} .r-total { font-size: 14px; font-weight: 700; margin-block: 1mm; }
.${RETURN_RECEIPT_CLASS} .r-barcode { display: flex; justify-content: center; margin-block: 2mm; }
@media print {
  @page { size: 80mm auto; margin: 0; }
  body * { visibility: hidden !important; }
  .${RETURN_RECEIPT_CLASS}, .${RETURN_RECEIPT_CLASS} * { visibility: visible !important; }
  .${RETURN_RECEIPT_CLASS} { position: absolute; inset-block-start: 0; inset-inline-start: 0; box-shadow: none; margin: 0; }
}
`;
