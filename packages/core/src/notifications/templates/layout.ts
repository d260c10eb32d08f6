import { html, type SafeHtml } from "./format.ts";
import type { RenderContext } from "./context.ts";

/**
 * The e-mail frame: table layout and inline styles because mail clients ignore <style>
 * blocks and flexbox. `dir="auto"` lets right-to-left names display correctly.
 */
export function emailLayout(ctx: RenderContext, title: string, content: SafeHtml): string {
  const loc = ctx.location;
  const footer = loc
    ? html`${loc.name} · ${loc.addressLine1}${loc.addressLine2 ? `, ${loc.addressLine2}` : ""}, ${loc.postalCode} ${loc.city}${loc.phone ? ` · ${loc.phone}` : ""}`
    : html`${ctx.organizationName}`;
  return html`<!doctype html>
<html lang="${ctx.fmt.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;padding:24px 0;">
<tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;">
<tr><td style="padding:20px 28px;border-block-end:1px solid #e5e7eb;font-size:14px;color:#57606a;">${ctx.organizationName}</td></tr>
<tr><td dir="auto" style="padding:24px 28px;font-size:15px;line-height:1.5;">
<h1 style="font-size:20px;margin:0 0 16px;">${title}</h1>
${content}
</td></tr>
<tr><td style="padding:16px 28px;border-block-start:1px solid #e5e7eb;font-size:12px;color:#57606a;">${footer}<br>Order ${ctx.order.number}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`.value;
}

export const paragraph = (content: SafeHtml | string) => html`<p style="margin:0 0 12px;">${content}</p>`;

/** A two-column table of label → amount (totals, tenders). */
export function amountsTable(rows: { label: string; value: string; strong?: boolean }[]): SafeHtml {
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:8px 0 16px;font-size:14px;">
${rows.map(
  (r) =>
    html`<tr><td style="padding:3px 0;${r.strong ? "font-weight:700;" : ""}">${r.label}</td><td style="padding:3px 0;text-align:end;white-space:nowrap;${r.strong ? "font-weight:700;" : ""}">${r.value}</td></tr>`,
)}
</table>`;
}

/** Item lines: name (sku) × quantity, and an optional amount column. */
export function itemsTable(items: { name: string; sku?: string; quantity: number; amount?: string; note?: string }[]): SafeHtml {
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:8px 0 16px;font-size:14px;border-collapse:collapse;">
${items.map(
  (i) =>
    html`<tr style="border-block-end:1px solid #eef0f2;"><td style="padding:6px 0;">${i.name}${i.sku ? html`<br><span style="color:#57606a;font-size:12px;">${i.sku}</span>` : ""}${i.note ? html`<br><span style="color:#57606a;font-size:13px;">${i.note}</span>` : ""}</td><td style="padding:6px 8px;text-align:end;white-space:nowrap;">× ${i.quantity}</td>${i.amount === undefined ? "" : html`<td style="padding:6px 0;text-align:end;white-space:nowrap;">${i.amount}</td>`}</tr>`,
)}
</table>`;
}
