import { createHash } from "node:crypto";

/** Largest JSON body accepted (413 above). */
export const MAX_BODY_BYTES = 256 * 1024;

/** Deepest nesting of arrays and objects accepted (400 above): no contract goes past 6. */
export const MAX_JSON_DEPTH = 32;

/** How deep `text` nests arrays and objects, counted on the text without recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) deepest = Math.max(deepest, ++depth);
    else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return deepest;
}

export type BodyResult = { ok: true; value: unknown; text: string } | { ok: false; kind: "payload-too-large" | "malformed-json" | "unsupported-media-type"; detail: string };

/** Reads at most MAX_BODY_BYTES (stops reading beyond it) and parses JSON. */
export async function readJsonBody(request: Request): Promise<BodyResult> {
  const type = request.headers.get("content-type");
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type.trim())) {
    return { ok: false, kind: "unsupported-media-type", detail: `Content-Type ${type} is not JSON; send application/json.` };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { ok: false, kind: "payload-too-large", detail: `The body may be at most ${MAX_BODY_BYTES / 1024} KB.` };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, kind: "payload-too-large", detail: `The body may be at most ${MAX_BODY_BYTES / 1024} KB.` };
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { ok: false, kind: "malformed-json", detail: "The body is empty; send a JSON object." };
  // Before parsing: a deeply nested body would overflow the stack of everything that walks it.
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, kind: "malformed-json", detail: `The body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.` };
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch (error) {
    return { ok: false, kind: "malformed-json", detail: `The body is not valid JSON: ${(error as Error).message}` };
  }
}

/** JSON with object keys sorted at every level: the same data gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
