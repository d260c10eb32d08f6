// Liveness and readiness for load balancers and `docker compose`. One of the two files of
// the web app allowed to import @oms/db (docs/web.md): the process owns the database.
import { databaseHealth, sharedDatabase } from "@oms/db";
import packageJson from "../../../../package.json" with { type: "json" };

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await databaseHealth(sharedDatabase());
  const reachable = health.latencyMs >= 0;
  const body = {
    status: health.ok ? "ok" : "degraded",
    database: {
      ok: health.ok,
      kind: health.kind,
      latencyMs: health.latencyMs,
      migrations: { applied: health.migrations.applied, pending: health.migrations.pending, failed: health.migrations.failed },
      ...(health.error ? { error: health.error } : {}),
    },
    version: packageJson.version,
    time: new Date().toISOString(),
  };
  return Response.json(body, {
    status: reachable ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
