import { code128Layout } from "@oms/contracts";
import type { ShippingAddress } from "./carrier-provider.ts";
import { foldToWinAnsi, PdfPage, renderPdf } from "./pdf-document.ts";

/** Everything printed on a parcel label (4 × 6 in, the thermal printers' standard size). */
export interface ShippingLabelData {
  carrierName: string;
  serviceName: string;
  trackingNumber: string;
  from: ShippingAddress;
  to: ShippingAddress;
  /** Our fulfilment order number. */
  reference: string;
  weightGrams: number;
  shipDate: Date;
  isReturn: boolean;
}

const WIDTH = 288; // 4 in
const HEIGHT = 432; // 6 in
const MARGIN = 14;

function addressLines(a: ShippingAddress): string[] {
  return [
    a.name,
    a.company ?? "",
    a.line1,
    a.line2 ?? "",
    `${a.postalCode} ${a.city}`.trim(),
    [a.region, a.countryCode].filter(Boolean).join(", "),
  ].filter((l) => l.trim().length > 0);
}

/** "PL 31" for 31-042 Kraków: the destination country and the first two postal characters. */
export function sortCode(to: ShippingAddress): string {
  return `${to.countryCode} ${to.postalCode.replace(/[^0-9A-Za-z]/g, "").slice(0, 2).toUpperCase()}`.trim();
}

const kg = (grams: number) => `${(grams / 1000).toFixed(2)} kg`;

/**
 * The label as a one-page PDF: carrier and service, sender, the recipient in large type,
 * reference, weight and date, and the tracking number as a Code 128 barcode wide enough
 * for a hand scanner (at least 1 pt a module, 10 modules of quiet zone each side).
 */
export function renderShippingLabelPdf(label: ShippingLabelData): Uint8Array {
  const page = new PdfPage(WIDTH, HEIGHT);
  let y = HEIGHT - MARGIN - 14;
  page.text(MARGIN, y, 15, label.carrierName, "bold");
  page.textEnd(WIDTH - MARGIN, y, 10, label.serviceName, "bold");
  y -= 10;
  page.line(MARGIN, y, WIDTH - MARGIN, y, 1.5);

  y -= 14;
  page.text(MARGIN, y, 7, label.isReturn ? "RETURN FROM" : "FROM", "bold");
  for (const line of addressLines(label.from)) {
    y -= 9;
    page.text(MARGIN, y, 8, line);
  }
  y -= 10;
  page.line(MARGIN, y, WIDTH - MARGIN, y, 0.75);

  y -= 16;
  page.text(MARGIN, y, 8, label.isReturn ? "RETURN TO" : "SHIP TO", "bold");
  const to = addressLines(label.to);
  y -= 17;
  page.text(MARGIN, y, 14, to[0] ?? "", "bold");
  for (const line of to.slice(1)) {
    y -= 15;
    page.text(MARGIN, y, 12, line);
  }
  y -= 14;
  page.line(MARGIN, y, WIDTH - MARGIN, y, 0.75);

  y -= 13;
  page.text(MARGIN, y, 8, `Ref ${label.reference}`);
  page.textEnd(WIDTH - MARGIN, y, 8, `${kg(label.weightGrams)} · ${label.shipDate.toISOString().slice(0, 10)}`);
  // The sort code the depot reads from across the belt: destination country and postal area.
  y -= 44;
  page.text(MARGIN, y, 34, sortCode(label.to), "bold");

  // The barcode: as wide as the page allows in quarter points a module (quiet zones included).
  const layout = code128Layout(label.trackingNumber);
  const module = Math.max(1, Math.min(2, Math.floor(((WIDTH - 2 * MARGIN) / layout.modules) * 4) / 4));
  const barHeight = 78;
  const barsWidth = layout.modules * module;
  const x0 = (WIDTH - barsWidth) / 2;
  const barY = MARGIN + 30;
  for (const bar of layout.bars) page.rect(x0 + bar.x * module, barY, bar.width * module, barHeight);
  const text = foldToWinAnsi(label.trackingNumber);
  page.text((WIDTH - text.length * 0.6 * 12) / 2, MARGIN + 12, 12, text, "mono");
  if (label.isReturn) page.text(MARGIN, barY + barHeight + 10, 11, "RETURN PARCEL", "bold");
  return renderPdf([page], { title: `Label ${label.trackingNumber}`, createdAt: label.shipDate });
}

/** ZPL II field text: ^FH lets _XX hex escapes carry the characters ZPL treats as commands. */
function zplText(text: string): string {
  return foldToWinAnsi(text).replace(/[\^~_]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/**
 * The same label in ZPL II for thermal printers (203 dpi, 4 × 6 in = 812 × 1218 dots).
 */
export function renderShippingLabelZpl(label: ShippingLabelData): string {
  const lines: string[] = ["^XA", "^CI28", "^PW812", "^LL1218"];
  const field = (x: number, y: number, font: string, text: string) => lines.push(`^FO${x},${y}^A0N,${font}^FH^FD${zplText(text)}^FS`);
  field(40, 40, "44,44", label.carrierName);
  field(520, 50, "30,30", label.serviceName);
  lines.push("^FO40,100^GB732,4,4^FS");
  field(40, 120, "22,22", label.isReturn ? "RETURN FROM" : "FROM");
  addressLines(label.from).forEach((l, i) => field(40, 148 + i * 26, "24,24", l));
  lines.push("^FO40,320^GB732,2,2^FS");
  field(40, 340, "24,24", label.isReturn ? "RETURN TO" : "SHIP TO");
  addressLines(label.to).forEach((l, i) => field(40, 375 + i * 44, i === 0 ? "44,44" : "36,36", l));
  lines.push("^FO40,660^GB732,2,2^FS");
  field(40, 680, "26,26", `Ref ${label.reference}`);
  field(470, 680, "26,26", `${kg(label.weightGrams)}  ${label.shipDate.toISOString().slice(0, 10)}`);
  lines.push(`^FO60,800^BY3^BCN,220,Y,N,N^FD${zplText(label.trackingNumber)}^FS`);
  if (label.isReturn) field(40, 740, "36,36", "RETURN PARCEL");
  lines.push("^XZ");
  return `${lines.join("\n")}\n`;
}
