// Offline sign-in (docs/pos.md#offline-sign-in): after an online PIN sign-in the device keeps
// the server-made PBKDF2 verifier of that cashier's PIN (never the PIN); offline, the PIN
// typed is hashed the same way with WebCrypto and compared. The local session lives in
// sessionStorage (this tab, survives a reload) and is re-checked with the server when the
// till is online again.
import type { OfflinePinVerifier } from "@oms/contracts";
import { idbAll, idbDelete, idbPut } from "./idb.ts";

const SESSION_KEY = "oms.pos.offlineSession";

export interface OfflineSession {
  userId: string;
  name: string;
  role: string;
  locationId: string;
  signedInAt: string;
}

export async function rememberPinVerifier(verifier: OfflinePinVerifier): Promise<void> {
  await idbPut("pins", verifier);
}

/** The verifiers of this store's staff still valid (expired ones are dropped). */
export async function offlineStaff(locationId: string, now = new Date()): Promise<OfflinePinVerifier[]> {
  const all = await idbAll<OfflinePinVerifier>("pins");
  const valid: OfflinePinVerifier[] = [];
  for (const v of all) {
    if (new Date(v.expiresAt) <= now) await idbDelete("pins", v.userId);
    else if (v.locationId === locationId) valid.push(v);
  }
  return valid.sort((a, b) => a.name.localeCompare(b.name));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** PBKDF2-SHA-256 of `pin` with the verifier's salt and rounds, compared with its hash. */
export async function checkOfflinePin(verifier: OfflinePinVerifier, pin: string): Promise<boolean> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveBits"]);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: fromBase64(verifier.salt), iterations: verifier.iterations }, key, 256));
  const expected = fromBase64(verifier.hash);
  if (bits.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < bits.length; i++) diff |= bits[i]! ^ expected[i]!;
  return diff === 0;
}

export function openOfflineSession(verifier: OfflinePinVerifier, now = new Date()): OfflineSession {
  const session = { userId: verifier.userId, name: verifier.name, role: verifier.role, locationId: verifier.locationId, signedInAt: now.toISOString() };
  window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

export function currentOfflineSession(): OfflineSession | null {
  try {
    const raw = window.sessionStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as OfflineSession) : null;
  } catch {
    return null;
  }
}

export function endOfflineSession(): void {
  try {
    window.sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // nothing stored
  }
}

/**
 * After an online PIN sign-in: asks the server for this person's verifier and keeps it.
 * Staff who do not sell (associates, HQ) get a refusal, which is fine: they never sign in
 * at a till offline. Never blocks the sign-in.
 */
export async function keepOfflinePin(issue: () => Promise<OfflinePinVerifier>): Promise<void> {
  try {
    await rememberPinVerifier(await issue());
  } catch {
    // No verifier: this person cannot sign in offline on this device.
  }
}

/** Sign-out: the offline session ends and the service worker forgets the cached pages (the queue stays: it holds sales). */
export function forgetTillSession(): void {
  endOfflineSession();
  navigator.serviceWorker?.controller?.postMessage("forget-pages");
}
