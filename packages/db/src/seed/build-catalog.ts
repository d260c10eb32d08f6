// Catalog rows: categories, ~300 products from word lists, their variants, EAN-13 barcodes
// and prices in every market currency.
import type { Prisma } from "../generated/prisma/client.ts";
import { makeEan13 } from "./ean13.ts";
import { ADJECTIVES, BRANDS, CATEGORIES, COLOURS, SIZE_SETS, type CategorySpec } from "./reference-data.ts";
import type { Rng } from "./random.ts";

export interface CatalogVariant {
  id: string;
  productId: string;
  sku: string;
  name: string;
  productName: string;
  category: CategorySpec;
  taxCategory: "STANDARD" | "REDUCED";
  /** Selling price per currency, minor units. */
  prices: Record<string, number>;
  /** Selling popularity weight (some items sell far more than others). */
  popularity: number;
}

export interface CatalogRows {
  categories: Prisma.CategoryCreateManyInput[];
  products: Prisma.ProductCreateManyInput[];
  variants: Prisma.VariantCreateManyInput[];
  barcodes: Prisma.BarcodeCreateManyInput[];
  prices: Prisma.VariantPriceCreateManyInput[];
  catalog: CatalogVariant[];
}

/** Rough exchange from the PLN list price; each currency then gets its own price ending. */
const PRICE_FACTORS: Record<string, number> = { PLN: 1, EUR: 1 / 4.3, SEK: 2.65 };

/**
 * A "psychological" price in minor units from an amount in major units: 7.3 -> 7.99,
 * 44 -> 44.99, 187 -> 189.99 (SEK: whole kronor, 187 -> 189.00, 1234 -> 1299.00).
 */
export function psychologicalPrice(major: number, currency: string): number {
  if (currency === "SEK") {
    if (major < 1000) return (Math.floor(major / 10) * 10 + 9) * 100;
    return (Math.floor(major / 100) * 100 + 99) * 100;
  }
  if (major < 10) return Math.floor(major) * 100 + 99;
  if (major < 100) return (Math.floor(major / 5) * 5 + 4) * 100 + 99;
  return (Math.floor(major / 10) * 10 + 9) * 100 + 99;
}

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function sizesFor(rng: Rng, category: CategorySpec): string[] {
  const all = SIZE_SETS[category.sizes];
  switch (category.sizes) {
    case "apparel": {
      const length = rng.int(3, 4);
      const start = rng.int(0, all.length - length);
      return all.slice(start, start + length);
    }
    case "shoes": {
      const start = rng.int(0, all.length - 4);
      return all.slice(start, start + 4);
    }
    case "gloves":
      return rng.chance(0.5) ? all : ["OS"];
    case "capacity":
      return rng.chance(0.4) ? rng.sample(all, 2).sort() : [rng.pick(all)];
    default:
      return ["OS"];
  }
}

function coloursFor(rng: Rng, category: CategorySpec): [string, string][] {
  if (category.taxCategory === "REDUCED") return [["STD", "Standard"]];
  const count =
    category.sizes === "apparel" ? rng.int(1, 2)
    : category.sizes === "shoes" ? (rng.chance(0.2) ? 2 : 1)
    : category.sizes === "gloves" ? rng.int(1, 2)
    : rng.weighted([[1, 5], [2, 3], [3, 1]] as const);
  return rng.sample(COLOURS, count);
}

/** Splits `total` products over the categories by their share; every category gets one. */
function categoryPlan(total: number): CategorySpec[] {
  const shares = CATEGORIES.reduce((s, c) => s + c.share, 0);
  const counts = CATEGORIES.map((c) => Math.max(1, Math.round((total * c.share) / shares)));
  let diff = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % counts.length) {
    if (diff > 0) {
      counts[i]! += 1;
      diff -= 1;
    } else if (counts[i]! > 1) {
      counts[i]! -= 1;
      diff += 1;
    }
  }
  return CATEGORIES.flatMap((c, i) => Array.from({ length: counts[i]! }, () => c));
}

export function buildCatalog(rng: Rng, productCount: number, currencies: string[], createdAt: Date): CatalogRows {
  const rows: CatalogRows = { categories: [], products: [], variants: [], barcodes: [], prices: [], catalog: [] };
  const categoryIds = new Map<string, string>();
  for (const category of CATEGORIES) {
    const id = rng.uuid();
    categoryIds.set(category.slug, id);
    rows.categories.push({ id, slug: category.slug, name: category.name });
  }

  const usedNames = new Set<string>();
  let barcodeSeq = 0;
  const plan = categoryPlan(productCount);
  plan.forEach((category, index) => {
    const number = 1001 + index;
    let name = "";
    for (let attempt = 0; attempt < 50 && (!name || usedNames.has(name)); attempt++) {
      name = `${rng.pick(ADJECTIVES)} ${rng.pick(category.nouns)}`;
    }
    if (usedNames.has(name)) name = `${name} ${number}`;
    usedNames.add(name);
    const productId = rng.uuid();
    const brand = category.taxCategory === "REDUCED" ? "Northwind Press" : rng.pick(BRANDS);
    rows.products.push({
      id: productId,
      handle: `${slugify(name)}-${number}`,
      name,
      description: `${name} by ${brand}. ${category.description}`,
      brand,
      categoryId: categoryIds.get(category.slug)!,
      taxCategory: category.taxCategory,
      createdAt,
      updatedAt: createdAt,
    });

    const basePln = rng.int(category.pricePln[0], category.pricePln[1]);
    const discounted = rng.chance(0.15);
    const popularity = rng.weighted([[1, 6], [3, 3], [8, 1]] as const);
    const sizes = sizesFor(rng, category);
    for (const [colourCode, colour] of coloursFor(rng, category)) {
      sizes.forEach((size, sizeIndex) => {
        const id = rng.uuid();
        const sku = `NW-${number}-${colourCode}-${size}`;
        const variantName = size === "OS" ? colour : `${colour} / ${size}`;
        const options: Record<string, string> = colourCode === "STD" ? {} : { colour };
        if (size !== "OS") options.size = size;
        // Bigger sizes cost a little more to make in footwear and packs.
        const sizeMarkup = category.sizes === "capacity" ? 1 + 0.15 * SIZE_SETS.capacity.indexOf(size) : 1;
        rows.variants.push({
          id,
          productId,
          sku,
          name: variantName,
          options,
          weightGrams: Math.round(category.weight * (0.8 + 0.1 * sizeIndex) * (0.9 + rng.float() * 0.2)),
          createdAt,
          updatedAt: createdAt,
        });
        barcodeSeq += 1;
        rows.barcodes.push({ code: makeEan13(`5907211${String(barcodeSeq).padStart(5, "0")}`), variantId: id });
        // Some items carry a second, supplier barcode too (both scan to the same variant).
        if (rng.chance(0.15)) {
          rows.barcodes.push({ code: makeEan13(`4004583${String(barcodeSeq).padStart(5, "0")}`), variantId: id });
        }
        const prices: Record<string, number> = {};
        for (const currency of currencies) {
          const major = basePln * sizeMarkup * (PRICE_FACTORS[currency] ?? 1);
          const amount = psychologicalPrice(major, currency);
          const compareAt = discounted ? psychologicalPrice(major * 1.3, currency) : null;
          prices[currency] = amount;
          rows.prices.push({
            variantId: id,
            currency,
            amount,
            compareAt: compareAt && compareAt > amount ? compareAt : null,
            updatedAt: createdAt,
          });
        }
        rows.catalog.push({
          id,
          productId,
          sku,
          name: variantName,
          productName: name,
          category,
          taxCategory: category.taxCategory,
          prices,
          popularity,
        });
      });
    }
  });
  return rows;
}
