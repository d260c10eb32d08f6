import { AppError, StoreCreditCodeInput, type StoreCreditBalance } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

/**
 * A store credit by the code on the customer's return receipt, as typed at the till: case,
 * spaces and a missing "SC-" or dashes are forgiven ("sc abcd efgh" finds SC-ABCD-EFGH).
 */
export async function getStoreCredit(rawInput: StoreCreditCodeInput, ctx: Pick<DomainContext, "db">): Promise<StoreCreditBalance> {
  const input = parseInput(StoreCreditCodeInput, rawInput);
  const code = normalizeStoreCreditCode(input.code);
  const credit = code ? await ctx.db.storeCredit.findUnique({ where: { code }, include: { customer: { select: { firstName: true, lastName: true } } } }) : null;
  if (!credit) {
    throw new AppError("NOT_FOUND", `code: There is no store credit ${input.code.trim().toUpperCase()}. Check the code on the return receipt.`, {
      fields: [{ path: ["code"], message: "No such store credit" }],
    });
  }
  return {
    id: credit.id,
    code: credit.code,
    currency: credit.currency,
    initial: credit.initial,
    balance: credit.balance,
    customerName: credit.customer ? `${credit.customer.firstName} ${credit.customer.lastName}`.trim() || null : null,
    createdAt: credit.createdAt,
  };
}

/** "sc-abcd-efgh", "SCABCDEFGH", "abcd efgh" → "SC-ABCD-EFGH"; null when it cannot be one. */
export function normalizeStoreCreditCode(raw: string): string | null {
  let chars = raw.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (chars.length === 10 && chars.startsWith("SC")) chars = chars.slice(2);
  if (chars.length !== 8) return null;
  return `SC-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
