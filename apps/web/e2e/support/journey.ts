// The frame of every browser journey: the production build, a server on a database of its
// own filled by `seed`, and Chromium; all created before the file's tests and stopped after.
import type { Database } from "@oms/db";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { buildWebApp, startAppServer, type AppServer } from "./app-server.ts";
import { browserAvailable, chromiumPath, launchBrowser } from "./browser.ts";

export interface Journey<W> {
  readonly server: AppServer;
  readonly browser: Browser;
  /** What `seed` returned. */
  readonly world: W;
}

/** A describe block that is skipped, saying why, where there is no Chromium (never in CI). */
export function describeJourney(name: string, fn: () => void): void {
  const runnable = browserAvailable();
  describe.skipIf(!runnable)(runnable ? name : `${name} (skipped: needs Chromium at ${chromiumPath})`, fn);
}

export function useJourney<W>(seed: (db: Database) => Promise<W>): Journey<W> {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  let world: W | undefined;
  beforeAll(async () => {
    // E2E_SKIP_BUILD=1 runs against the build already in apps/web/.next (e.g. one made with
    // `next build --no-mangling` to read a browser stack trace).
    if (!process.env.E2E_SKIP_BUILD) buildWebApp();
    server = await startAppServer(async (db) => {
      world = await seed(db);
    });
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const ready = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The journey's server starts in beforeAll; use it inside tests.");
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
    get world() {
      return ready(world);
    },
  };
}
