// fast-check arbitraries derived from zod 4 schemas, for the fuzz tests: `validish(schema)`
// follows the schema (types, formats, lengths, bounds, enums, optional fields), so most of
// its values pass the schema and reach the domain; `hostile(schema)` starts from such a
// value and breaks it the ways clients and attackers do (wrong types, missing and extra
// fields, huge strings, deep nesting, unicode, injection strings). Only the schema kinds
// used by the contracts are covered; anything else becomes an arbitrary JSON value.
import fc, { type Arbitrary } from "fast-check";
import type { z } from "zod";

/** Strings that have broken parsers, databases and pages elsewhere; stored and shown as text here. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "<img src=x onerror=alert(1)>",
  "<script>window.__pwned=1</script>",
  "\"><svg onload=alert(1)>",
  "'; DROP TABLE \"Order\"; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(5)--",
  "${7*7}{{7*7}}",
  "../../../../etc/passwd",
  "\u0000",
  "a\u0000b",
  "\u202Eabc\u202C", // right-to-left override
  "مرحبا بالعالم",
  "שלום",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "\uD800", // a lone surrogate
  "Ω≈ç√∫˜µ≤≥÷",
  "𝕿𝖍𝖊 𝖖𝖚𝖎𝖈𝖐",
  "NaN",
  "-1",
  "1e309",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "\r\n\t",
];

type Def = { type: string; [key: string]: unknown };
type Check = { _zod: { def: { check: string; [key: string]: unknown } } };

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check["_zod"]["def"][] => ((def.checks as Check[] | undefined) ?? []).map((c) => c._zod.def);

function stringArbitrary(def: Def): Arbitrary<string> {
  const all = [def as unknown as Check["_zod"]["def"], ...checksOf(def)];
  const format = all.find((c) => c.check === "string_format");
  let min = 0;
  let max = 40;
  for (const c of all) {
    if (c.check === "min_length") min = Math.max(min, c.minimum as number);
    if (c.check === "max_length") max = Math.min(max, c.maximum as number);
    if (c.check === "length_equals") min = max = c.length as number;
  }
  if (max < min) max = min;
  if (format) {
    switch (format.format) {
      case "email":
        return fc.emailAddress();
      case "uuid":
      case "guid":
        return fc.uuid();
      case "url":
        return fc.webUrl();
      case "date":
        return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      case "datetime":
        return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString());
      case "starts_with":
        return fc.string({ maxLength: Math.max(0, max - String(format.prefix).length) }).map((s) => `${String(format.prefix)}${s}`);
      default:
        if (format.pattern instanceof RegExp) return fc.stringMatching(format.pattern).filter((s) => s.length >= min && s.length <= Math.max(max, min));
    }
  }
  const nasty = fc.constantFrom(...NASTY_STRINGS).filter((s) => s.length >= min && s.length <= max);
  return fc.oneof({ arbitrary: fc.string({ minLength: min, maxLength: max, unit: "grapheme" }), weight: 3 }, { arbitrary: nasty, weight: 1 });
}

function numberArbitrary(def: Def): Arbitrary<number> {
  const all = [def as unknown as Check["_zod"]["def"], ...checksOf(def)];
  const integer = all.some((c) => c.check === "number_format" && String(c.format).includes("int"));
  let min = -1_000_000_000;
  let max = 1_000_000_000;
  let minExclusive = false;
  let maxExclusive = false;
  for (const c of all) {
    if (c.check === "greater_than" && (c.value as number) >= min) {
      min = c.value as number;
      minExclusive = !c.inclusive;
    }
    if (c.check === "less_than" && (c.value as number) <= max) {
      max = c.value as number;
      maxExclusive = !c.inclusive;
    }
  }
  if (integer) {
    const lo = Math.ceil(minExclusive ? min + 1 : min);
    const hi = Math.floor(maxExclusive ? max - 1 : max);
    return fc.integer({ min: Math.max(lo, Number.MIN_SAFE_INTEGER), max: Math.max(Math.min(hi, Number.MAX_SAFE_INTEGER), lo) });
  }
  return fc.double({ min, max, minExcluded: minExclusive, maxExcluded: maxExclusive, noNaN: true, noDefaultInfinity: true });
}

/** Values that follow `schema` closely. `depth` bounds recursive (lazy) schemas. */
export function validish(schema: z.ZodType | unknown, depth = 0): Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: unknown) => validish(s, depth + 1);
  switch (def.type) {
    case "string":
      return stringArbitrary(def);
    case "number":
      return numberArbitrary(def);
    case "bigint":
      return fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true });
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      const required = keys.filter((k) => !["optional", "default", "prefault"].includes(defOf(shape[k]).type));
      const model: Record<string, Arbitrary<unknown>> = {};
      for (const k of keys) model[k] = inner(shape[k]);
      return fc.record(model, { requiredKeys: required });
    }
    case "array": {
      let min = 0;
      let max = 3;
      for (const c of checksOf(def)) {
        if (c.check === "min_length") min = c.minimum as number;
        if (c.check === "max_length") max = Math.min(max, c.maximum as number);
        if (c.check === "length_equals") min = max = c.length as number;
      }
      if (depth > 6) max = min;
      return fc.array(inner(def.element), { minLength: min, maxLength: Math.max(min, max) });
    }
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map(inner));
    case "union":
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case "intersection":
      return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => (a && b && typeof a === "object" && typeof b === "object" ? { ...a, ...b } : a));
    case "record":
      return fc.dictionary(stringArbitrary({ type: "string", checks: [] }).filter((k) => k.length > 0), inner(def.valueType), { maxKeys: 3 });
    case "optional":
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case "default":
    case "prefault":
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case "catch":
    case "readonly":
    case "nonoptional":
      return inner(def.innerType);
    case "pipe":
      // A transform's input is what a client sends.
      return defOf(def.in).type === "transform" ? fc.jsonValue() : inner(def.in);
    case "lazy":
      return depth > 4 ? fc.constant(null) : inner((def.getter as () => unknown)());
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A JSON value nested `levels` deep ([[[…]]] or {"a":{"a":…}}). */
export function deeplyNested(levels: number, kind: "array" | "object"): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = kind === "array" ? [value] : { a: value };
  return value;
}

const wrongValue: Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(true),
  fc.integer(),
  fc.double(),
  fc.constant(-1),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant(1.5),
  fc.constantFrom(...NASTY_STRINGS),
  fc.constant([]),
  fc.constant({}),
  fc.constant("x".repeat(20_000)),
  fc.constant(deeplyNested(200, "array")),
  fc.constant(deeplyNested(200, "object")),
  fc.constant(JSON.parse('{"__proto__":{"admin":true}}') as unknown),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Every path to a value inside `value` (objects and arrays), the root included. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

const REMOVE = Symbol("remove");

/** A copy of `value` with `fn` applied at `path`; REMOVE deletes that key or element. */
function update(value: unknown, path: (string | number)[], fn: (old: unknown) => unknown): unknown {
  if (path.length === 0) return fn(value);
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const next = update(copy[head!], rest, fn);
  if (next !== REMOVE) copy[head!] = next;
  else if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
  else delete copy[head!];
  return copy;
}

type Mutation = { kind: "wrong type" | "remove" | "extra field" | "huge string" | "nasty string"; at: number; value: unknown };

/** Applies one mutation to `value` at the `at`-th path (mod the number of paths). */
export function mutate(value: unknown, m: Mutation): unknown {
  const paths = pathsOf(value);
  const path = paths[m.at % paths.length]!;
  switch (m.kind) {
    case "wrong type":
      return update(value, path, () => m.value);
    case "remove":
      return path.length === 0 ? undefined : update(value, path, () => REMOVE);
    case "extra field":
      return update(value, path, (old) => (old && typeof old === "object" && !Array.isArray(old) ? { ...old, [`extra_${m.at}`]: m.value } : old));
    case "huge string":
      return update(value, path, (old) => (typeof old === "string" ? old + "x".repeat(100_000) : old));
    case "nasty string":
      return update(value, path, (old) => (typeof old === "string" || old === undefined ? String(m.value) : old));
  }
}

export const mutationArbitrary: Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("wrong type", "remove", "extra field", "huge string", "nasty string"),
  at: fc.nat(1000),
  value: fc.oneof(wrongValue, fc.constantFrom(...NASTY_STRINGS)),
}) as Arbitrary<Mutation>;

/** One to three mutations of a value of `base`. */
export function hostile(base: Arbitrary<unknown>): Arbitrary<unknown> {
  return fc.tuple(base, fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 })).map(([value, ms]) => ms.reduce(mutate, value));
}

/** Settings shared by every fuzz test: a fixed seed (FUZZ_SEED overrides), bounded runs. */
export function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.FUZZ_SEED ?? 20261202);
  return { seed, numRuns: Number(process.env.FUZZ_RUNS ?? numRuns), endOnFailure: true, verbose: 1 };
}
