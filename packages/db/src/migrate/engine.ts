import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  DiffTarget,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Database } from "../client.ts";
import { schemaPath } from "./paths.ts";

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let enginePromise: Promise<EngineModule> | undefined;

/**
 * Loads Prisma's schema engine (WebAssembly). The package's own entry imports a `.wasm`
 * file, which Node cannot import, so we instantiate the wasm ourselves and hand it to the
 * JS glue (see /work/shared/notes/prisma-offline.md). Loaded once per process: the glue
 * keeps the instance in module state.
 */
export function loadSchemaEngine(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    // Resolved at run time by Node, not by a bundler (Next compiles @oms/db for the server).
    const glue = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(gluePath).href)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(join(dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  enginePromise.catch(() => (enginePromise = undefined));
  return enginePromise;
}

export const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

export async function readSchemaFile(): Promise<{ path: string; content: string }> {
  const path = schemaPath();
  return { path, content: await readFile(path, "utf8") };
}

/**
 * Runs `fn` with a schema engine connected to `database` through its driver adapter.
 * Engine log lines are kept and attached to errors, not printed.
 */
export async function withSchemaEngine<T>(
  database: Database,
  fn: (engine: SchemaEngine, schema: { path: string; content: string }) => Promise<T>,
  schemaOverride?: string,
): Promise<T> {
  const mod = await loadSchemaEngine();
  const schema = await readSchemaFile();
  if (schemaOverride !== undefined) schema.content = schemaOverride;
  const log: string[] = [];
  const { factory, disposeAll } = withWholeScripts(database.adapterFactory);
  try {
    const engine = await mod.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      (line: string) => {
        log.push(line);
      },
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await fn(engine, schema);
    } finally {
      engine.free();
    }
  } catch (error) {
    throw engineError(error, log);
  } finally {
    await disposeAll();
  }
}

/**
 * Wraps an adapter factory so that `executeScript` sends the whole migration file to the
 * server in one simple-protocol call, as the native `prisma migrate` does.
 *
 * Why: the adapters' own `executeScript` cannot run real migration files. `@prisma/adapter-pg`
 * splits the script on every ";" (which breaks PL/pgSQL function bodies such as our
 * append-only trigger), and `pglite-prisma-adapter` does not await `exec`, so a failing
 * migration is reported as applied. Also tracks every adapter the engine opens so they are
 * disposed (adapter-pg opens a new pool per `connect()`, which would keep the process alive).
 */
function withWholeScripts(inner: SqlMigrationAwareDriverAdapterFactory): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  disposeAll(): Promise<void>;
} {
  const opened: SqlDriverAdapter[] = [];
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    opened.push(adapter);
    adapter.executeScript = (script: string) => runScript(adapter, script);
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => patch(await inner.connect()),
    connectToShadowDb: async () => patch(await inner.connectToShadowDb()),
  };
  return {
    factory,
    async disposeAll() {
      for (const adapter of opened.splice(0)) await adapter.dispose().catch(() => undefined);
    },
  };
}

interface ScriptDriver {
  /** PGlite: runs several statements. */
  exec?(sql: string): Promise<unknown>;
  /** pg Pool: without parameters this is the simple protocol, which runs several statements. */
  query(sql: string): Promise<unknown>;
}

/** Runs a whole multi-statement SQL script on the adapter's connection. */
export async function runScript(adapter: SqlDriverAdapter, script: string): Promise<void> {
  const driver = driverOf(adapter);
  try {
    if (typeof driver.exec === "function") await driver.exec(script);
    else await driver.query(script);
  } catch (error) {
    throw toAdapterError(error);
  }
}

function driverOf(adapter: SqlDriverAdapter): ScriptDriver {
  const a = adapter as SqlDriverAdapter & { underlyingDriver?(): unknown; client?: unknown };
  const driver = (a.underlyingDriver?.() ?? a.client) as ScriptDriver | undefined;
  if (!driver || typeof driver.query !== "function") {
    throw new Error(`Unsupported driver adapter for migrations: ${adapter.adapterName}`);
  }
  return driver;
}

function toAdapterError(error: unknown): Error {
  const e = error as {
    code?: string;
    severity?: string;
    message?: string;
    detail?: string;
    column?: string;
    hint?: string;
  };
  if (error instanceof Error && typeof e.code === "string") {
    return new DriverAdapterError({
      kind: "postgres",
      code: e.code,
      severity: e.severity ?? "ERROR",
      message: e.message ?? String(error),
      detail: e.detail,
      column: e.column,
      hint: e.hint,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The engine throws plain objects or strings; turn them into Errors with a readable message. */
function engineError(error: unknown, log: string[]): Error {
  let message: string;
  if (error instanceof Error) message = error.message;
  else if (typeof error === "string") message = error;
  else if (error && typeof error === "object" && "message" in error) {
    message = String((error as { message: unknown }).message);
  } else message = JSON.stringify(error);
  // Drop the engine's Rust span trace ("   0: sql_schema_connector::..."): noise for readers.
  const trace = message.search(/\n\s+0: /);
  if (trace > 0) message = message.slice(0, trace);
  return new Error(message.trim(), { cause: { error, log } });
}

export type { DiffTarget, MigrationList };
