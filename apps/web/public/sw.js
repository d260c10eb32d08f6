// The till's service worker (docs/pos.md#offline). Handwritten on purpose: three rules.
// 1. Pages of the till (/pos…) and the sign-in page: network first; the last good copy is
//    kept so /pos opens offline after one online visit. Only whole 200 HTML answers are kept.
// 2. Next's build assets (/_next/static/…, content-hashed, immutable): cache first.
// 3. Everything else (tRPC, /api, auth, socket.io, other areas' pages) is never touched and
//    never cached: data lives in the page's IndexedDB, per device, not here.
const VERSION = "till-v1";
const PAGES = `${VERSION}-pages`;
const ASSETS = `${VERSION}-assets`;


self.addEventListener("install", (event) => {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (!key.startsWith(VERSION)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// A page asks to forget the cached pages (sign-out: the next person must not see them).
self.addEventListener("message", (event) => {
  if (event.data === "forget-pages") event.waitUntil(caches.delete(PAGES));
});

const isTillPage = (url) => url.pathname === "/pos" || url.pathname.startsWith("/pos/") || url.pathname === "/login";

async function pageNetworkFirst(request) {
  const url = new URL(request.url);
  const key = url.origin + url.pathname;
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    const type = response.headers.get("content-type") || "";
    if (response.ok && !response.redirected && type.includes("text/html")) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const hit = (await cache.match(key)) || (url.pathname.startsWith("/pos") ? await cache.match(url.origin + "/pos/sale") : undefined);
    if (hit) return hit;
    throw error;
  }
}

async function assetCacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) return event.respondWith(assetCacheFirst(request));
  // A full page load only: client-side navigations fetch RSC payloads, which are not kept
  // (when they fail offline, Next falls back to a full load, which rule 1 answers).
  if (request.mode === "navigate" && isTillPage(url)) return event.respondWith(pageNetworkFirst(request));
  if (url.pathname === "/manifest.webmanifest" || url.pathname.startsWith("/icons/")) return event.respondWith(assetCacheFirst(request));
});


