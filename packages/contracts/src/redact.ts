// What the server writes to its logs never holds a secret: API tokens, webhook and Stripe
// secrets, carrier tokens, bearer headers, passwords, PINs, password/PIN hashes and the
// password in a database URL are masked before a line is written (docs/security.md).

const PATTERNS: [RegExp, string][] = [
  // Our API tokens: the public prefix stays (it names the key in lists), the secret goes.
  [/\b(oms_[0-9a-f]{8})\.[A-Za-z0-9_-]{8,}/g, "$1.[redacted]"],
  [/\bwhsec_[A-Za-z0-9_+/=-]{6,}/g, "whsec_[redacted]"],
  [/\b(sk|rk)_(live|test)_[A-Za-z0-9]{6,}/g, "$1_$2_[redacted]"],
  [/\bshippo_(live|test)_[A-Za-z0-9]{6,}/g, "shippo_$1_[redacted]"],
  [/\b(Bearer|Basic|ShippoToken)(\s+)[^\s"',;]+/gi, "$1$2[redacted]"],
  // bcrypt hashes of passwords and PINs.
  [/\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/g, "[redacted-hash]"],
  // A password inside a connection URL: postgres://user:secret@host.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s/]+@/gi, "$1[redacted]@"],
  // Named fields in JSON, objects as printed, query strings and headers.
  [
    /(["']?\b(?:password|newPassword|passwd|pin|managerPin|secret|webhookSecret|clientSecret|client_secret|token|apiKey|api_key|accessToken|refreshToken|authorization|secretHash|passwordHash|pinHash|cookie|set-cookie)\b["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,;&}\]]+)/gi,
    '$1"[redacted]"',
  ],
];

/** `text` with every secret the patterns know masked. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * An error (or anything thrown) as one log text, secrets masked: name, message, the
 * fields drivers attach (code, meta) and the stack. Browser-safe (no node:util).
 */
export function describeErrorForLog(error: unknown): string {
  if (!(error instanceof Error)) {
    let text: string;
    try {
      text = typeof error === "string" ? error : JSON.stringify(error) ?? String(error);
    } catch {
      text = String(error);
    }
    return redactSecrets(text);
  }
  const extra: Record<string, unknown> = {};
  for (const key of ["code", "meta", "clientVersion", "cause"] as const) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (value !== undefined) extra[key] = value instanceof Error ? `${value.name}: ${value.message}` : value;
  }
  let extras = "";
  try {
    extras = Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : "";
  } catch {
    extras = "";
  }
  return redactSecrets(`${error.stack ?? `${error.name}: ${error.message}`}${extras}`);
}
