// Pieces the register screens share: the router's answer types, the register this device
// uses (remembered in localStorage), denomination labels and reading tRPC errors.
import type { AppRouter } from "@oms/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>["registers"];
export type StoreRegistersData = Outputs["list"];
export type StoreRegisterData = StoreRegistersData["registers"][number];
export type CashReportData = Outputs["zReport"];
export type DenominationCount = Record<string, number>;

const storageKey = (locationId: string) => `oms.pos.register.${locationId}`;

/** The register this device was last used as, at this store (null: not chosen yet). */
export function rememberedRegister(locationId: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(locationId));
  } catch {
    return null;
  }
}

export function rememberRegister(locationId: string, registerId: string): void {
  try {
    window.localStorage.setItem(storageKey(locationId), registerId);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** "€50", "€0.50", "500 kr": whole amounts without decimals so the rows read like the notes. */
export function denominationLabel(minor: number, currency: string, locale: string): string {
  const exponent = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const major = minor / 10 ** exponent;
  const whole = Number.isInteger(major);
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: whole ? 0 : exponent, maximumFractionDigits: exponent }).format(major);
}

/** Value of a count in minor units (integers only). */
export function countValue(count: DenominationCount): number {
  return Object.entries(count).reduce((sum, [d, n]) => sum + Number(d) * n, 0);
}

interface TrpcErrorShape {
  message?: string;
  data?: { fields?: { path: (string | number)[]; message: string }[]; details?: Record<string, unknown>; appCode?: string } | null;
}

/** The server's message (already written for the reader). */
export function serverMessage(error: unknown): string | null {
  return error instanceof Error && error.message ? error.message : null;
}

/** The message for one field (path joined with "."), from a VALIDATION_FAILED answer. */
export function fieldError(error: unknown, path: string): string | null {
  const fields = (error as TrpcErrorShape | null)?.data?.fields ?? [];
  return fields.find((f) => f.path.join(".") === path)?.message ?? null;
}

export function errorDetails(error: unknown): Record<string, unknown> | null {
  return (error as TrpcErrorShape | null)?.data?.details ?? null;
}
