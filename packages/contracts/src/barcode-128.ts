// Code 128 (ISO/IEC 15417) for receipt numbers, parcel labels and other printable ASCII: code sets B and C
// only (no control characters, so no code set A), switching to C for runs of digits where
// that makes the symbol shorter. Pure, so it is tested against published encodings.

/**
 * Bar and space widths (in modules) of symbol values 0–106, bar first. Every symbol is 11
 * modules wide except the stop (106), which is 13 with its final bar.
 */
const WIDTHS = [
  "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
  "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
  "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
  "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
  "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
  "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
  "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
  "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
  "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
  "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
  "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
] as const;

const CODE_C = 99;
const CODE_B = 100;
const START_B = 104;
const START_C = 105;
const STOP = 106;

/** Whether Code 128 B/C can carry `text`: printable ASCII (space to tilde), at least one character. */
export function canEncodeCode128(text: string): boolean {
  return text.length > 0 && /^[\x20-\x7e]+$/.test(text);
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

function digitRun(text: string, from: number): number {
  let n = 0;
  while (isDigit(text[from + n])) n++;
  return n;
}

/**
 * The symbol values of `text`: start, data (with code set switches), check symbol, stop.
 * Digit runs go into code set C (two digits a symbol) where it saves symbols: a run of 4 or
 * more at the start or the end, 6 or more in the middle, or a text of exactly 2 digits;
 * an odd run leaves its first digit in code set B.
 */
export function code128Values(text: string): number[] {
  if (!canEncodeCode128(text)) throw new RangeError("Code 128 B/C encodes printable ASCII characters only (at least one).");
  const values: number[] = [];
  const lead = digitRun(text, 0);
  let set: "B" | "C" = lead >= 4 || (lead === 2 && text.length === 2) ? "C" : "B";
  values.push(set === "C" ? START_C : START_B);
  let i = 0;
  while (i < text.length) {
    if (set === "C") {
      if (digitRun(text, i) >= 2) {
        values.push(Number(text.slice(i, i + 2)));
        i += 2;
        continue;
      }
      values.push(CODE_B);
      set = "B";
      continue;
    }
    const run = digitRun(text, i);
    const atEnd = i + run === text.length;
    if (run >= 6 || (run >= 4 && atEnd)) {
      // An odd run: its first digit stays in B so the rest pairs up.
      if (run % 2 === 1) {
        values.push(text.charCodeAt(i) - 32);
        i += 1;
      }
      values.push(CODE_C);
      set = "C";
      continue;
    }
    values.push(text.charCodeAt(i) - 32);
    i += 1;
  }
  const check = values.reduce((sum, v, position) => sum + v * Math.max(1, position), 0) % 103;
  values.push(check, STOP);
  return values;
}

/**
 * The bars and spaces of `text` as module widths, bar first (alternating bar, space, ...),
 * start to stop, without quiet zones.
 */
export function code128Widths(text: string): number[] {
  return code128Values(text).flatMap((v) => [...WIDTHS[v]!].map(Number));
}

/** One character a module, "1" for bar and "0" for space: handy for comparing with references. */
export function code128Bits(text: string): string {
  return code128Widths(text)
    .map((w, i) => (i % 2 === 0 ? "1" : "0").repeat(w))
    .join("");
}

/** The blank margin a scanner needs on each side, in modules (ISO/IEC 15417: at least 10). */
export const CODE128_QUIET_ZONE = 10;

export interface Code128Layout {
  /** Total width in modules, quiet zones included. */
  modules: number;
  /** Each bar's start and width in modules, from the left edge of the quiet zone. */
  bars: { x: number; width: number }[];
}

/** Where the bars of `text` sit, in modules: what the SVG component draws. */
export function code128Layout(text: string): Code128Layout {
  const widths = code128Widths(text);
  const bars: { x: number; width: number }[] = [];
  let x = CODE128_QUIET_ZONE;
  widths.forEach((width, i) => {
    if (i % 2 === 0) bars.push({ x, width });
    x += width;
  });
  return { modules: x + CODE128_QUIET_ZONE, bars };
}
