"use client";
import type { ReactNode } from "react";

/** The class the print rules keep: only the slip prints, 80 mm wide. */
export const RECEIPT_CLASS = "oms-receipt";

export interface ReceiptFrameProps {
  /** What a screen reader announces for the slip ("Receipt R-000123"). */
  label: string;
  testId: string;
  children: ReactNode;
}

/**
 * The paper slip of every till print (sale receipt, return slip) for an 80 mm thermal roll
 * (72 mm printable): monospace, one column. On screen it shows as a slip of paper; in print
 * it is all there is.
 */
export function ReceiptFrame({ label, testId, children }: ReceiptFrameProps) {
  return (
    <article className={RECEIPT_CLASS} aria-label={label} data-testid={testId}>
      <style>{receiptCss}</style>
      {children}
    </article>
  );
}

/** One line of a slip: text at the start, the amount at the end. */
export function ReceiptRow({ left, right }: { left: ReactNode; right: ReactNode }) {
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
.${RECEIPT_CLASS} .r-code { font-size: 16px; font-weight: 700; letter-spacing: 0.08em; margin-block: 1mm; }
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
