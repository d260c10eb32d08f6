// A small PDF 1.4 writer for labels and manifests: pages of text in the standard Helvetica
// fonts, filled rectangles (barcode bars) and lines. No embedded fonts, so text is limited to
// Windows-1252; other letters are folded to their base letter ("ł" → "l"), which is what
// carriers print on labels anyway.

export type PdfFont = "regular" | "bold" | "mono";

interface Op {
  kind: "text" | "rect" | "line";
  value: string;
}

/** One page in points (1/72 inch), origin at the bottom left. */
export class PdfPage {
  readonly ops: Op[] = [];
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  text(x: number, y: number, size: number, text: string, font: PdfFont = "regular"): this {
    const name = font === "bold" ? "F2" : font === "mono" ? "F3" : "F1";
    this.ops.push({ kind: "text", value: `BT /${name} ${num(size)} Tf ${num(x)} ${num(y)} Td (${escapeText(text)}) Tj ET` });
    return this;
  }

  /** Text ending at `x` (right-aligned), using Helvetica's average width as an estimate. */
  textEnd(x: number, y: number, size: number, text: string, font: PdfFont = "regular"): this {
    return this.text(x - estimateWidth(text, size, font), y, size, text, font);
  }

  rect(x: number, y: number, width: number, height: number): this {
    this.ops.push({ kind: "rect", value: `${num(x)} ${num(y)} ${num(width)} ${num(height)} re f` });
    return this;
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 1): this {
    this.ops.push({ kind: "line", value: `${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S` });
    return this;
  }

  content(): string {
    return this.ops.map((o) => o.value).join("\n");
  }
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** Average glyph widths (per 1000 units of the font size): enough to right-align a label field. */
function estimateWidth(text: string, size: number, font: PdfFont): number {
  const per = font === "mono" ? 600 : font === "bold" ? 610 : 556;
  return (foldToWinAnsi(text).length * per * size) / 1000;
}

const folded: Record<string, string> = { ł: "l", Ł: "L", đ: "d", Đ: "D", ß: "ss", ı: "i", ø: "o", Ø: "O", "–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "..." };

/** Text as Windows-1252-safe characters: Latin-1 stays, other letters lose their accents. */
export function foldToWinAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) out += ch;
    else if (folded[ch]) out += folded[ch];
    else {
      const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      out += /^[\x20-\x7e]+$/.test(base) ? base : "?";
    }
  }
  return out;
}

function escapeText(text: string): string {
  return foldToWinAnsi(text).replace(/[\\()]/g, (c) => `\\${c}`);
}

/** The whole document as bytes: catalogue, pages, three standard fonts, one stream a page. */
export function renderPdf(pages: PdfPage[], info: { title: string; creator?: string; createdAt: Date }): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // 1-based object numbers
  const catalog = add("");
  const pagesObj = add("");
  const fonts = [
    add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
    add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"),
    add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>"),
  ];
  const pageRefs: number[] = [];
  for (const page of pages) {
    const content = page.content();
    const stream = add(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
    pageRefs.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] ` +
          `/Resources << /Font << /F1 ${fonts[0]} 0 R /F2 ${fonts[1]} 0 R /F3 ${fonts[2]} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(" ")}] /Count ${pageRefs.length} >>`;
  const stamp = info.createdAt.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const infoObj = add(`<< /Title (${escapeText(info.title)}) /Creator (${escapeText(info.creator ?? "Northwind OMS")}) /CreationDate (D:${stamp}Z) >>`);

  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObj} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
