import type { NextConfig } from "next";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// The monorepo root: Turbopack must see packages/* (they are outside apps/web).
const repoRoot = resolve(here, "../..");

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets several builds live side by side (e.g. parallel browser-journey runs
  // while developing); `npm start`, CI and Docker use the default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Our packages export TypeScript source (`.ts` files importing `./x.ts`).
  transpilePackages: ["@oms/contracts", "@oms/ui", "@oms/api", "@oms/auth", "@oms/core", "@oms/db", "@oms/realtime", "@oms/payments", "@oms/shipping"],
  // Native/WASM database drivers and the hashing library load at runtime from node_modules.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "pg",
    "bcryptjs",
    // @oms/realtime's server side (reached through @oms/api): Node-only, never bundled.
    "socket.io",
    "@socket.io/redis-adapter",
    "redis",
  ],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  experimental: {
    // forbidden() + forbidden.tsx: a signed-in person without the role gets a real 403.
    authInterrupts: true,
    optimizePackageImports: ["@mantine/core", "@mantine/hooks", "@tabler/icons-react"],
  },
  poweredByHeader: false,
  // The till's service worker (docs/pos.md#offline): always revalidated, so a new version reaches every till.
  async headers() {
    return [{ source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache, no-store, must-revalidate" }, { key: "Service-Worker-Allowed", value: "/" }] }];
  },
  reactStrictMode: true,
};

export default nextConfig;
