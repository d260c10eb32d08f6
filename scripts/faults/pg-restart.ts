// Scenario 2: PostgreSQL goes away under load and comes back. While 8 clients keep sending
// orders (and a monitor polls /api/health), the cluster is stopped (`pg_ctl stop -m fast`:
// open connections are cut), kept down for a few seconds and started again. During the
// outage every request must fail cleanly and fast (503 problem+json with Retry-After, no
// 500, no hang, no dropped connection), and afterwards the same server process must serve
// orders again and publish their live events (pool and dispatcher reconnect on their own).
// The 503s are then sent again with their keys: no duplicate, the ledger verifies.
import type { PrismaClient } from "@oms/db";
import { checkOrders, ledgerProblems, oversold } from "./checks.ts";
import { log, sleep, type AppProcess, type PgCluster } from "./infra.ts";
import type { Scenario } from "./scenario.ts";
import { isProblem, mapLimit, orderRequest, postOrder, postOrderPatiently, problemType, statusCounts, type Answer, type OrderRequest, type World } from "./world.ts";

const WORKERS = 8;
const OUTAGE_MS = 5_000;
/** A request that takes longer than this during the outage counts as a hang. */
const HANG_MS = 20_000;

interface Sent {
  request: OrderRequest;
  answer: Answer;
  sentAt: number;
}

export async function pgRestartUnderLoad(context: { prisma: PrismaClient; cluster: PgCluster; app: AppProcess; world: World; tokens: string[] }): Promise<Scenario> {
  const { cluster, app, world, tokens, prisma } = context;
  const checks: Scenario["checks"] = [];
  const check = (name: string, ok: boolean, detail = "") => checks.push({ name, ok, detail });
  const sku = world.variants[1]!.sku;
  const pid = app.pid;

  const sent: Sent[] = [];
  const health: Array<{ at: number; status: number }> = [];
  let running = true;
  const workers = Array.from({ length: WORKERS }, async (_, w) => {
    while (running) {
      const request = orderRequest(world, tokens[w % tokens.length]!, sku, 1);
      const sentAt = Date.now();
      const answer = await postOrder(app.baseUrl, request, HANG_MS);
      sent.push({ request, answer, sentAt });
      // A client backs off a little after a failure (Retry-After says 1 s; we poll faster to see recovery).
      if (answer.status !== 201) await sleep(200);
    }
  });
  const monitor = (async () => {
    while (running) {
      const at = Date.now();
      const status = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(HANG_MS) }).then((r) => r.status, () => 0);
      health.push({ at, status });
      await sleep(250);
    }
  })();

  await sleep(3_000);
  const beforeOutage = sent.filter((s) => s.answer.status === 201).length;
  log(`${beforeOutage} orders accepted under load; stopping PostgreSQL (pg_ctl stop -m fast)`);
  const downAt = Date.now();
  cluster.stop("fast");
  await sleep(OUTAGE_MS);
  log("starting PostgreSQL again");
  cluster.start();
  const upAt = Date.now();
  // Keep the load on until orders are accepted again, for at most 30 s.
  let recoveredAt = 0;
  while (Date.now() - upAt < 30_000) {
    const ok = sent.find((s) => s.sentAt >= upAt && s.answer.status === 201);
    if (ok) {
      recoveredAt = ok.sentAt + ok.answer.ms;
      break;
    }
    await sleep(100);
  }
  await sleep(3_000);
  running = false;
  await Promise.all([...workers, monitor]);

  const during = sent.filter((s) => s.sentAt >= downAt && s.sentAt < upAt);
  const failedDuring = during.filter((s) => s.answer.status !== 201);
  log(`during the outage: ${statusCounts(during.map((s) => s.answer))}; all: ${statusCounts(sent.map((s) => s.answer))}`);
  check("requests were in flight during the outage", during.length >= WORKERS, `${during.length} sent while PostgreSQL was down`);
  const unclean = sent.filter((s) => s.answer.status !== 201 && s.answer.status !== 409 && !(s.answer.status === 503 && isProblem(s.answer) && problemType(s.answer) === "unavailable"));
  check("every failed request is a clean 503 problem+json (no 500, no cut connection, no hang)", unclean.length === 0, unclean.slice(0, 3).map((s) => `${s.answer.status || s.answer.error} ${s.answer.text.slice(0, 160)}`).join("; ") || `${failedDuring.length} × 503 unavailable`);
  const slowest = Math.max(0, ...failedDuring.map((s) => s.answer.ms));
  check("failures during the outage answer quickly", slowest < 10_000, `slowest failed request ${Math.round(slowest)} ms`);
  const retryAfter = failedDuring.every((s) => s.answer.status !== 503 || s.answer.text.includes("same Idempotency-Key"));
  check("503s tell the client to retry with the same key", retryAfter);
  const healthDown = health.filter((h) => h.at > downAt + 500 && h.at < upAt);
  check("/api/health reports the outage (503)", healthDown.length > 0 && healthDown.every((h) => h.status === 503), healthDown.map((h) => h.status).join(","));
  check("the same server process serves orders again without a restart", recoveredAt > 0 && app.alive() && app.pid === pid, recoveredAt ? `first order accepted ${((recoveredAt - upAt) / 1000).toFixed(1)} s after PostgreSQL was back; pid ${pid} still running` : "no order accepted within 30 s");
  const lastHealth = health.at(-1);
  check("/api/health is 200 again", lastHealth?.status === 200, `last ${lastHealth?.status}`);

  // The dispatcher lost its LISTEN connection and its leader lock: it must lead again and
  // publish the events of orders made after the outage.
  const afterIds = sent.filter((s) => s.sentAt >= upAt && s.answer.status === 201).map((s) => (JSON.parse(s.answer.text) as { id: string }).id);
  let unpublished = afterIds.length;
  const deadline = Date.now() + 15_000;
  while (afterIds.length > 0 && Date.now() < deadline) {
    const rows = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "OutboxEvent" WHERE payload->>'orderId' = ANY($1::text[]) AND "publishedAt" IS NULL`, afterIds);
    unpublished = Number(rows[0]!.n);
    if (unpublished === 0) break;
    await sleep(250);
  }
  check("live events of orders after the outage are published (dispatcher reconnected)", afterIds.length > 0 && unpublished === 0, `${afterIds.length} orders after the outage, ${unpublished} outbox events unpublished`);

  // Clients retry what failed with the same key.
  const failed = sent.filter((s) => s.answer.status !== 201 && s.answer.status !== 409);
  const retried = await mapLimit(failed, 20, (s) => postOrderPatiently(app.baseUrl, s.request));
  check("503s retried with their keys are accepted", retried.every((a) => a.status === 201 || a.status === 409), statusCounts(retried));
  const result = await checkOrders(prisma, sent.map((s) => s.request));
  check("every order is complete or absent; no duplicate", result.problems.length === 0, result.problems.slice(0, 4).join("; ") || `${result.present.size} orders for ${sent.length} requests`);
  const ledger = await ledgerProblems(prisma);
  check("the ledger verifies", ledger.length === 0, ledger.slice(0, 3).join("; "));
  const over = await oversold(prisma, world.variants.map((v) => v.id));
  check("oversold units", over === 0, `${over}`);

  return {
    name: "PostgreSQL restart under load",
    checks,
    figures: {
      requests: sent.length,
      sentDuringOutage: during.length,
      outageMs: upAt - downAt,
      recoverySeconds: recoveredAt ? Math.round((recoveredAt - upAt) / 100) / 10 : "never",
      slowestFailureMs: Math.round(slowest),
    },
  };
}
