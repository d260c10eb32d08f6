"use client";
import type { AppRouter } from "@oms/api";
import { Barcode, dateTimeText, moneyText } from "@oms/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "use-intl";
import { ReceiptFrame, ReceiptRow } from "./receipt-frame.tsx";

export type ReceiptData = inferRouterOutputs<AppRouter>["pos"]["receipt"];

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
    <ReceiptFrame label={t("label", { number: receipt.number })} testId="receipt">
      <header className="r-center">
        <div className="r-store">{receipt.store.name}</div>
        {receipt.store.addressLines.map((l) => (
          <div key={l}>{l}</div>
        ))}
        {receipt.store.phone ? <div>{receipt.store.phone}</div> : null}
      </header>
      <hr />
      <ReceiptRow left={t("number")} right={receipt.number} />
      <ReceiptRow left={t("date")} right={dateTimeText(receipt.completedAt ?? receipt.placedAt, receipt.timeZone, receipt.locale)} />
      {receipt.register ? <ReceiptRow left={t("register")} right={`${receipt.register.name} (${receipt.register.code})`} /> : null}
      {receipt.cashier ? <ReceiptRow left={t("cashier")} right={receipt.cashier} /> : null}
      {receipt.customer ? <ReceiptRow left={t("customer")} right={receipt.customer.name} /> : null}
      {receipt.status === "CANCELLED" ? <div className="r-center r-strong">{t("voided")}</div> : null}
      <hr />
      {receipt.lines.map((line) => (
        <div key={line.lineNo} className="r-line">
          <div className="r-strong">{line.name}</div>
          <ReceiptRow
            left={
              <>
                {line.quantity} × {money(line.unitPrice)}
                {line.originalUnitPrice !== null && line.originalUnitPrice !== line.unitPrice ? <span className="r-dim"> ({t("was", { price: money(line.originalUnitPrice) })})</span> : null}
              </>
            }
            right={money(line.total)}
          />
          {line.discountTotal > 0 ? <ReceiptRow left={<span className="r-dim">{t("discount")}</span>} right={<span className="r-dim">{money(-line.discountTotal)}</span>} /> : null}
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
      <ReceiptRow left={t("subtotal")} right={money(receipt.subtotal)} />
      {receipt.discountTotal > 0 ? <ReceiptRow left={t("discounts")} right={money(-receipt.discountTotal)} /> : null}
      {receipt.taxBreakdown.map((r) => (
        <ReceiptRow key={r.rateBps} left={receipt.pricesIncludeTax ? t("taxIncluded", { rate: percent(r.rateBps) }) : t("taxAdded", { rate: percent(r.rateBps) })} right={money(r.tax)} />
      ))}
      <div className="r-total">
        <ReceiptRow left={t("total")} right={money(receipt.total)} />
      </div>
      {receipt.cashRounding !== 0 ? <ReceiptRow left={t("cashRounding")} right={money(receipt.cashRounding)} /> : null}
      <hr />
      {receipt.tenders
        .filter((tender) => tender.status !== "FAILED")
        .map((tender) => (
          <div key={tender.paymentId}>
            <ReceiptRow left={`${t(`tender.${tender.kind}`)}${tender.reference ? ` ${tender.reference}` : ""}`} right={money(tender.tendered ?? tender.amount)} />
          </div>
        ))}
      {receipt.change > 0 ? <ReceiptRow left={t("change")} right={money(receipt.change)} /> : null}
      <hr />
      <div className="r-barcode">
        <Barcode value={receipt.barcode} height={48} moduleWidth={1.5} label={t("barcode", { number: receipt.number })} />
      </div>
      <footer className="r-center">{t("thanks")}</footer>
    </ReceiptFrame>
  );
}
