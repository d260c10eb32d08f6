// Cross-site WebSocket hijacking guard: the socket authenticates with the session cookie,
// which a browser also sends when another site's page opens a socket to us. Browsers always
// send Origin on WebSocket and cross-origin requests, so a foreign Origin is refused.
// Requests without Origin come from non-browser clients (no ambient cookie to abuse).

export interface OriginPolicy {
  /** Exact origins allowed (e.g. NEXTAUTH_URL's). Empty: the origin must match the request's host. */
  allowedOrigins?: readonly string[];
  /** Trust X-Forwarded-Host (behind a reverse proxy). */
  trustForwardedHost?: boolean;
}

type Headers = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.split(",")[0]?.trim() || undefined;
}

/** null when allowed; otherwise why not (for the log). */
export function checkOrigin(headers: Headers, policy: OriginPolicy = {}): string | null {
  const origin = first(headers.origin);
  if (!origin) return null;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return `unparseable origin ${origin}`;
  }
  const allowed = (policy.allowedOrigins ?? []).map((o) => new URL(o).origin);
  if (allowed.length > 0) return allowed.includes(parsed.origin) ? null : `origin ${parsed.origin} is not ${allowed.join(" or ")}`;
  const host = (policy.trustForwardedHost ? first(headers["x-forwarded-host"]) : undefined) ?? first(headers.host);
  if (!host) return "no Host header to compare the origin with";
  return parsed.host.toLowerCase() === host.toLowerCase() ? null : `origin ${parsed.origin} does not match host ${host}`;
}
