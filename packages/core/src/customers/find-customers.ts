import { FindCustomersInput, phoneDigits, type CustomerResult } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { customerSelect } from "./customer-rows.ts";

/** National numbers are usually typed without the country code: match the end from here on. */
const MIN_SUFFIX_DIGITS = 7;

/**
 * Finds customers at the till or in HQ by what the person types:
 * - an e-mail address (has "@"): exact, ignoring case;
 * - a phone number (only digits, spaces, "+", "-", brackets): the same digits, ignoring
 *   formatting; 7+ digits also match the end of a stored number ("600 100 200" finds
 *   "+48 600 100 200");
 * - anything else: the start of the first or last name ("ann now" finds Anna Nowak).
 */
export async function findCustomers(rawInput: FindCustomersInput, ctx: DomainContext): Promise<CustomerResult[]> {
  const { query, limit } = parseInput(FindCustomersInput, rawInput);
  const orderBy: Prisma.CustomerOrderByWithRelationInput[] = [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }];

  if (query.includes("@")) {
    return ctx.db.customer.findMany({ where: { email: { equals: query, mode: "insensitive" } }, select: customerSelect, orderBy, take: limit });
  }

  const digits = phoneDigits(query);
  if (/^[+\d\s\-().]+$/.test(query) && digits.length >= 3) {
    const suffix = digits.length >= MIN_SUFFIX_DIGITS ? `%${digits}` : digits;
    const rows = await ctx.db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Customer"
      WHERE "phone" IS NOT NULL AND regexp_replace("phone", '[^0-9]', '', 'g') LIKE ${suffix}
      LIMIT ${limit}`;
    if (rows.length === 0) return [];
    return ctx.db.customer.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: customerSelect, orderBy });
  }

  const words = query.split(/\s+/).filter(Boolean);
  const prefix = (w: string) => ({ startsWith: w, mode: "insensitive" as const });
  let where: Prisma.CustomerWhereInput;
  if (words.length === 1) {
    where = { OR: [{ firstName: prefix(words[0]!) }, { lastName: prefix(words[0]!) }] };
  } else {
    const [first, ...rest] = words;
    const last = rest.join(" ");
    where = {
      OR: [
        { firstName: prefix(first!), lastName: prefix(last) },
        { lastName: prefix(first!), firstName: prefix(last) },
        { firstName: prefix(words.join(" ")) },
        { lastName: prefix(words.join(" ")) },
      ],
    };
  }
  return ctx.db.customer.findMany({ where, select: customerSelect, orderBy, take: limit });
}
