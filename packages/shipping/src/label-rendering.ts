// Reads a label back the way a person's scanner would: renders the PDF page to an image
// with poppler's pdftoppm and decodes its barcodes with zbar's zbarimg (Debian packages
// poppler-utils and zbar-tools). Used by the tests to prove a label is printable.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function labelToolsAvailable(): boolean {
  const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
  return has("pdftoppm") && has("zbarimg");
}

/** The barcodes on the first page of `pdf`, as zbarimg reads them ("CODE-128:SIM…"). */
export function scanPdfBarcodes(pdf: Uint8Array, dpi = 203): { pages: number; codes: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "oms-label-"));
  try {
    writeFileSync(join(dir, "label.pdf"), pdf);
    const render = spawnSync("pdftoppm", ["-r", String(dpi), "-png", join(dir, "label.pdf"), join(dir, "page")], { encoding: "utf8" });
    if (render.status !== 0) throw new Error(`pdftoppm could not render the label: ${render.stderr}`);
    const pages = readdirSync(dir).filter((f) => f.startsWith("page") && f.endsWith(".png")).sort();
    const scan = spawnSync("zbarimg", ["--quiet", join(dir, pages[0]!)], { encoding: "utf8" });
    return { pages: pages.length, codes: scan.stdout.split("\n").filter(Boolean) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
