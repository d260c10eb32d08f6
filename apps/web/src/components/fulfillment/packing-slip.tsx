"use client";
import { Button, Group } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useTranslations } from "use-intl";
import { formatWeight, type PackingSlipData } from "./shared.ts";

/** A4 packing slip: what is in the box (no prices), parcels, where it comes from. Only the paper prints. */
export function PackingSlipView({ slip }: { slip: PackingSlipData }) {
  const t = useTranslations("fulfillment");
  const to = (slip.shipTo ?? {}) as Record<string, string | null | undefined>;
  const date = new Intl.DateTimeFormat(slip.locale, { dateStyle: "long", timeZone: slip.timeZone }).format(new Date(slip.placedAt));
  return (
    <main className="oms-slip" data-testid="packing-slip">
      <style>{css}</style>
      <Group className="no-print" justify="flex-end" p="md">
        <Button leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          {t("slip.print")}
        </Button>
      </Group>
      <article className="paper" aria-label={t("slip.label", { number: slip.orderNumber })}>
        <header>
          <div>
            <h1>{t("slip.title")}</h1>
            <p>{t("slip.order", { number: slip.orderNumber, date })}</p>
            <p className="muted">{slip.number}</p>
          </div>
          <address>
            <strong>{slip.from.name}</strong>
            <br />
            {slip.from.line1}
            {slip.from.line2 ? <><br />{slip.from.line2}</> : null}
            <br />
            {slip.from.postalCode} {slip.from.city}, {slip.from.countryCode}
          </address>
        </header>
        <section>
          <h2>{t("slip.shipTo")}</h2>
          <address>
            <strong>{to.name || slip.customerName}</strong>
            <br />
            {to.line1}
            {to.line2 ? <><br />{to.line2}</> : null}
            <br />
            {to.postalCode} {to.city}, {to.countryCode}
          </address>
        </section>
        <table>
          <thead>
            <tr>
              <th>{t("slip.sku")}</th>
              <th>{t("slip.item")}</th>
              <th className="num">{t("slip.quantity")}</th>
              <th className="num">{t("slip.checked")}</th>
            </tr>
          </thead>
          <tbody>
            {slip.lines.map((l) => (
              <tr key={l.sku + l.name}>
                <td className="mono">{l.sku}</td>
                <td>{l.name}</td>
                <td className="num">{l.quantity}</td>
                <td className="num">☐</td>
              </tr>
            ))}
          </tbody>
        </table>
        {slip.parcels.length > 0 ? (
          <section>
            <h2>{t("slip.parcels", { count: slip.parcels.length })}</h2>
            <ul>
              {slip.parcels.map((p) => (
                <li key={p.sequence}>
                  {t("slip.parcel", { n: p.sequence, of: slip.parcels.length, weight: formatWeight(p.weightGrams, slip.locale), box: p.boxName ?? "—" })}
                  {p.trackingNumber ? ` · ${p.trackingNumber}` : ""}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <footer>{t("slip.thanks", { from: slip.from.name, email: slip.from.email ?? slip.from.phone ?? "" })}</footer>
      </article>
    </main>
  );
}

const css = `
.oms-slip { background: var(--mantine-color-gray-1); min-height: 100dvh; }
.oms-slip .paper { background: #fff; color: #000; max-width: 190mm; margin: 0 auto 24px; padding: 16mm; font-size: 11pt; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
.oms-slip header { display: flex; justify-content: space-between; gap: 24px; margin-block-end: 12mm; }
.oms-slip h1 { font-size: 20pt; margin: 0 0 4px; }
.oms-slip h2 { font-size: 12pt; margin: 8mm 0 2mm; }
.oms-slip address { font-style: normal; }
.oms-slip .muted { color: #555; }
.oms-slip table { width: 100%; border-collapse: collapse; margin-block-start: 8mm; }
.oms-slip th, .oms-slip td { border-block-end: 1px solid #ccc; padding: 6px 4px; text-align: start; }
.oms-slip .num { text-align: end; }
.oms-slip .mono { font-family: monospace; }
.oms-slip footer { margin-block-start: 12mm; color: #333; }
@media print {
  .oms-slip { background: none; }
  .oms-slip .no-print { display: none; }
  .oms-slip .paper { box-shadow: none; margin: 0; padding: 0; max-width: none; }
}
`;
