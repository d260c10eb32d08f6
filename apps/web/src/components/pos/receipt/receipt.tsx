"use client";
import type { AppRouter } from "@oms/api";
import { Barcode, dateTimeText, moneyText } from "@oms/ui";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";

export type ReceiptData = inferRouterOutputs<AppRouter>["pos"]["receipt"];

/** The receipt's class: the print rules below show only it, 80 mm wide. */
export const RECEIPT_CLASS = "oms-receipt";

/**
 * A till receipt laid out for an 80 mm thermal roll (72 mm printable): monospace, one
 * column, the store, the lines, tax, tenders and change, and a Code 128 barcode of the
 * number (returns scan it). On screen it shows as a paper slip; in print it is all there is.
 */
export function Receipt({ receipt }: { receipt: ReceiptData }) {
  const t = useTranslations("posReceipt");
  const money = (amount: number) => moneyText(amount, receipt.currency, receipt.locale);
  const percent = (bps: number) => new Intl.NumberFormat(receipt.locale, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
  return (
    <article className={RECEIPT_CLASS} aria-label={t("label", { number: receipt.number })} data-testid="receipt">
      <style>{receiptCss}</style>
      <header className="r-center">
        <div className="r-store">{receipt.store.name}</div>
        {receipt.store.addressLines.map((l) => (
          <div key={l}>{l}</div>
        ))}
        {receipt.store.phone ? <div>{receipt.store.phone}</div> : null}
      </header>
      <hr />
      <Row left={t("number")} right={receipt.number} />
      <Row left={t("date")} right={dateTimeText(receipt.completedAt ?? receipt.placedAt, receipt.timeZone, receipt.locale)} />
      {receipt.register ? <Row left={t("register")} right={`${receipt.register.name} (${receipt.register.code})`} /> : null}
      {receipt.cashier ? <Row left={t("cashier")} right={receipt.cashier} /> : null}
      {receipt.customer ? <Row left={t("customer")} right={receipt.customer.name} /> : null}
      {receipt.status === "CANCELLED" ? <div className="r-center r-strong">{t("voided")}</div> : null}
      <hr />
      {receipt.lines.map((line) => (
        <div key={line.lineNo} className="r-line">
          <div className="r-strong">{line.name}</div>
          <Row
            left={
              <>
                {line.quantity} × {money(line.unitPrice)}
                {line.originalUnitPrice !== null && line.originalUnitPrice !== line.unitPrice ? <span className="r-dim"> ({t("was", { price: money(line.originalUnitPrice) })})</span> : null}
              </>
            }
            right={money(line.total)}
          />
          {line.discountTotal > 0 ? <Row left={<span className="r-dim">{t("discount")}</span>} right={<span className="r-dim">{money(-line.discountTotal)}</span>} /> : null}
          {line.fulfillment.type === "SHIP" ? <div className="r-dim">{t("ships", { from: line.fulfillment.locationName ?? "—" })}</div> : null}
          {line.fulfillment.type === "PICKUP" ? (
            <div className="r-dim">
              {t("pickupAt", { store: line.fulfillment.locationName ?? "—" })}
              {line.fulfillment.pickupCode ? ` · ${t("pickupCode", { code: line.fulfillment.pickupCode })}` : ""}
            </div>
          ) : null}
          <div className="r-dim r-sku">{line.sku}</div>
        </div>
      ))}
      <hr />
      <Row left={t("subtotal")} right={money(receipt.subtotal)} />
      {receipt.discountTotal > 0 ? <Row left={t("discounts")} right={money(-receipt.discountTotal)} /> : null}
      {receipt.taxBreakdown.map((r) => (
        <Row key={r.rateBps} left={receipt.pricesIncludeTax ? t("taxIncluded", { rate: percent(r.rateBps) }) : t("taxAdded", { rate: percent(r.rateBps) })} right={money(r.tax)} />
      ))}
      <div className="r-total">
        <Row left={t("total")} right={money(receipt.total)} />
      </div>
      {receipt.cashRounding !== 0 ? <Row left={t("cashRounding")} right={money(receipt.cashRounding)} /> : null}
      <hr />
      {receipt.tenders
        .filter((tender) => tender.status !== "FAILED")
        .map((tender) => (
          <div key={tender.paymentId}>
            <Row left={`${t(`tender.${tender.kind}`)}${tender.reference ? ` ${tender.reference}` : ""}`} right={money(tender.tendered ?? tender.amount)} />
          </div>
        ))}
      {receipt.change > 0 ? <Row left={t("change")} right={money(receipt.change)} /> : null}
      <hr />
      <div className="r-barcode">
        <Barcode value={receipt.barcode} height={48} moduleWidth={1.5} label={t("barcode", { number: receipt.number })} />
      </div>
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

// Plain CSS (one element, scoped by class) so print rules can hide the rest of the page.
const receiptCss = `
.${RECEIPT_CLASS} {
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
.${RECEIPT_CLASS} hr { border: 0; border-block-start: 1px dashed #000; margin-block: 2.5mm; }
.${RECEIPT_CLASS} .r-center { text-align: center; }
.${RECEIPT_CLASS} .r-store { font-size: 15px; font-weight: 700; }
.${RECEIPT_CLASS} .r-strong { font-weight: 700; }
.${RECEIPT_CLASS} .r-dim { color: #333; }
.${RECEIPT_CLASS} .r-sku { font-size: 10px; }
.${RECEIPT_CLASS} .r-line { margin-block-end: 1.5mm; }
.${RECEIPT_CLASS} .r-row { display: flex; justify-content: space-between; gap: 2mm; }
.${RECEIPT_CLASS} .r-amount { white-space: nowrap; text-align: end; font-variant-numeric: tabular-nums; }
.${RECEIPT_CLASS} .r-total { font-size: 15px; font-weight: 700; margin-block: 1mm; }
.${RECEIPT_CLASS} .r-barcode { display: flex; justify-content: center; margin-block: 2mm; }
@media print {
  @page { size: 80mm auto; margin: 0; }
  body * { visibility: hidden !important; }
  .${RECEIPT_CLASS}, .${RECEIPT_CLASS} * { visibility: visible !important; }
  .${RECEIPT_CLASS} { position: absolute; inset-block-start: 0; inset-inline-start: 0; box-shadow: none; margin: 0; }
}
`;
