"use client";
import { Button, Group } from "@mantine/core";
import { dateTimeText, moneyText } from "@oms/ui";
import { IconPrinter } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { denominationLabel, type CashReportData } from "./shared.ts";

// The report is plain HTML with its own small stylesheet so it prints the same from any
// screen: on paper only the report is visible (the app's header and navigation are hidden),
// in one column that fits an 80 mm receipt roll and stays readable on A4.
const css = `
.cash-report { font-size: 14px; line-height: 1.35; color: #111; max-width: 560px; }
.cash-report h2 { font-size: 20px; margin: 0 0 2px; }
.cash-report h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; margin: 14px 0 4px; border-bottom: 1px solid #999; padding-bottom: 2px; }
.cash-report .meta { color: #444; margin: 0; }
.cash-report table { width: 100%; border-collapse: collapse; }
.cash-report td, .cash-report th { padding: 3px 0; vertical-align: top; }
.cash-report th { text-align: start; font-weight: 600; font-size: 12px; color: #444; }
.cash-report .num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; padding-inline-start: 8px; }
.cash-report tr.total td { font-weight: 800; border-top: 1px solid #111; }
.cash-report tr.variance-short td.num { color: #c92a2a; }
.cash-report tr.variance-over td.num { color: #e67700; }
.cash-report .note { white-space: pre-wrap; margin: 4px 0 0; font-style: italic; }
.cash-report .small { font-size: 12px; color: #444; }
@media print {
  @page { margin: 6mm; }
  body * { visibility: hidden !important; }
  .cash-report, .cash-report * { visibility: visible !important; }
  .cash-report { position: absolute; inset-inline-start: 0; top: 0; width: 100%; max-width: 180mm; font-size: 10pt; }
  .cash-report h2 { font-size: 13pt; }
  .cash-report h3 { font-size: 9pt; }
  .cash-report th, .cash-report .small { font-size: 8.5pt; }
  .cash-report tr.variance-short td.num, .cash-report tr.variance-over td.num { color: #000; font-weight: 800; }
  .cash-report-actions { display: none !important; }
}
`;

/** The X or Z report of a session, with a Print button. */
export function CashReportView({ report, actions }: { report: CashReportData; actions?: ReactNode }) {
  const t = useTranslations("registers.report");
  const { currency } = report;
  const { locale, timeZone } = report.location;
  const m = (amount: number) => moneyText(amount, currency, locale);
  const at = (d: Date | string) => dateTimeText(d, timeZone, locale, "datetime");
  const tender = (method: string) => (["CASH", "CARD", "STORE_CREDIT", "BANK_TRANSFER", "OTHER"].includes(method) ? t(`tenders.${method as "CASH"}`) : method);
  const varianceClass = report.variance === null || report.variance === 0 ? "" : report.variance < 0 ? "variance-short" : "variance-over";
  const row = (label: ReactNode, amount: number | null, className = "", testId?: string) => (
    <tr className={className} data-testid={testId}>
      <td>{label}</td>
      <td className="num">{amount === null ? "—" : m(amount)}</td>
    </tr>
  );
  const countRows = (count: Record<string, number>) =>
    Object.entries(count)
      .sort((a, b) => Number(b[0]) - Number(a[0]))
      .map(([d, n]) => (
        <tr key={d}>
          <td>
            {n} × {denominationLabel(Number(d), currency, locale)}
          </td>
          <td className="num">{m(Number(d) * n)}</td>
        </tr>
      ));

  return (
    <div style={{ maxWidth: 560 }}>
      <style>{css}</style>
      <Group className="cash-report-actions" justify="flex-end" mb="sm" gap="sm">
        {actions}
        <Button size="md" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          {t("print")}
        </Button>
      </Group>
      <article className="cash-report" aria-label={report.kind === "Z" ? t("zTitle", { register: report.register.name }) : t("xTitle", { register: report.register.name })} data-testid={`${report.kind.toLowerCase()}-report`}>
        <h2>{report.kind === "Z" ? t("zTitle", { register: report.register.name }) : t("xTitle", { register: report.register.name })}</h2>
        <p className="meta">
          {report.location.name} · {report.register.code}
        </p>
        <p className="meta small">{report.kind === "Z" ? t("zHint") : t("xHint", { at: at(report.asOf) })}</p>

        <h3>{t("session")}</h3>
        <table>
          <tbody>
            <tr>
              <td>{t("opened")}</td>
              <td className="num">
                {at(report.openedAt)} · {report.openedBy.name}
              </td>
            </tr>
            {report.closedAt && report.closedBy ? (
              <tr>
                <td>{t("closed")}</td>
                <td className="num">
                  {at(report.closedAt)} · {report.closedBy.name}
                </td>
              </tr>
            ) : null}
            <tr>
              <td>{t("salesCount")}</td>
              <td className="num">{report.salesCount}</td>
            </tr>
            <tr>
              <td>{t("refundsCount")}</td>
              <td className="num">{report.refundsCount}</td>
            </tr>
          </tbody>
        </table>

        <h3>{t("drawer")}</h3>
        <table>
          <tbody>
            {row(t("openingFloat"), report.cash.openingFloat)}
            {row(t("cashSales"), report.cash.sales)}
            {row(t("cashRefunds"), report.cash.refunds)}
            {row(t("cashIn"), report.cash.cashIn)}
            {row(t("cashOut"), report.cash.cashOut)}
            {row(t("expected"), report.cash.expected, "total", "report-expected")}
            {report.kind === "Z" ? (
              <>
                {row(t("counted"), report.counted, "", "report-counted")}
                {row(t("variance"), report.variance, varianceClass, "report-variance")}
              </>
            ) : null}
          </tbody>
        </table>
        {report.varianceNote ? (
          <p className="note">
            {t("note")}: {report.varianceNote}
          </p>
        ) : null}

        <h3>{t("tenders.title")}</h3>
        {report.tenders.length === 0 ? (
          <p className="small">{t("noTenders")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t("tenders.tender")}</th>
                <th className="num">{t("tenders.sales")}</th>
                <th className="num">{t("tenders.refunds")}</th>
                <th className="num">{t("tenders.net")}</th>
              </tr>
            </thead>
            <tbody>
              {report.tenders.map((line) => (
                <tr key={line.method} data-testid="tender-line">
                  <td>
                    {tender(line.method)} <span className="small">({line.salesCount})</span>
                  </td>
                  <td className="num">{m(line.sales)}</td>
                  <td className="num">{line.refunds === 0 ? "—" : m(-line.refunds)}</td>
                  <td className="num">{m(line.net)}</td>
                </tr>
              ))}
              <tr className="total">
                <td>{t("tenders.total")}</td>
                <td className="num">{m(report.tenders.reduce((s, l) => s + l.sales, 0))}</td>
                <td className="num">{m(-report.tenders.reduce((s, l) => s + l.refunds, 0))}</td>
                <td className="num">{m(report.tenders.reduce((s, l) => s + l.net, 0))}</td>
              </tr>
            </tbody>
          </table>
        )}

        {report.manualMovements.length > 0 ? (
          <>
            <h3>{t("movements")}</h3>
            <table>
              <tbody>
                {report.manualMovements.map((mv) => (
                  <tr key={mv.id}>
                    <td>
                      {mv.kind === "CASH_IN" ? t("cashIn") : t("cashOut")}: {mv.reason}
                      <div className="small">
                        {dateTimeText(mv.at, timeZone, locale, "time")} · {mv.by.name}
                      </div>
                    </td>
                    <td className="num">{m(mv.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}

        <h3>{t("openingCount")}</h3>
        <table>
          <tbody>{countRows(report.openingCount)}</tbody>
        </table>
        {report.closingCount ? (
          <>
            <h3>{t("closingCount")}</h3>
            <table>
              <tbody>{countRows(report.closingCount)}</tbody>
            </table>
          </>
        ) : null}
        <p className="small" style={{ marginTop: 12 }}>
          {t("printedAt", { at: at(new Date()) })}
        </p>
      </article>
    </div>
  );
}
