// Scenario 1: kill -9 the server in the middle of 200 concurrent orders, restart it, then
// every order is complete or absent, the ledger verifies, nothing is oversold, and sending
// all 200 requests again with their Idempotency-Keys creates no second order and answers
// the completed ones with the very response they got the first time.
import type { PrismaClient } from "@oms/db";
import { checkOrders, ledgerProblems, oversold } from "./checks.ts";
import { log, sleep, startApp, type AppProcess } from "./infra.ts";
import type { Scenario } from "./scenario.ts";
import { mapLimit, orderRequest, postOrder, postOrderPatiently, statusCounts, type Answer, type OrderRequest, type World } from "./world.ts";

export const HOT_STOCK = [10, 10, 10];
const ORDERS = 200;
const HOT_ORDERS = (ORDERS * 2) / 5; // every 5th and 5th+1
/** kill -9 once this many requests have been answered. */
const KILL_AFTER = 60;

export async function killMidIntake(context: { prisma: PrismaClient; databaseUrl: string; world: World; tokens: string[] }): Promise<Scenario & { app: AppProcess }> {
  const { prisma, world, tokens } = context;
  const checks: Scenario["checks"] = [];
  const check = (name: string, ok: boolean, detail = "") => checks.push({ name, ok, detail });
  const [hot, normal] = world.variants;

  let app = await startApp("server", { databaseUrl: context.databaseUrl });
  const firstPid = app.pid;
  log(`server up (pid ${firstPid}); sending ${ORDERS} orders at once (${HOT_ORDERS} for the hot SKU with ${HOT_STOCK.reduce((a, b) => a + b)} units)`);
  const requests: OrderRequest[] = Array.from({ length: ORDERS }, (_, i) =>
    i % 5 < 2 ? orderRequest(world, tokens[i % tokens.length]!, hot!.sku, 1) : orderRequest(world, tokens[i % tokens.length]!, normal!.sku, 1 + (i % 2)),
  );
  let answered = 0;
  let killedAt = -1;
  const killed = new Promise<void>((resolveKill) => {
    const timer = setInterval(() => {
      if (answered >= KILL_AFTER) {
        clearInterval(timer);
        killedAt = answered;
        void app.kill9().then(resolveKill);
      }
    }, 5);
  });
  const first: Answer[] = await Promise.all(
    requests.map((r) =>
      postOrder(app.baseUrl, r, 90_000).then((a) => {
        answered++;
        return a;
      }),
    ),
  );
  await killed;
  const answeredBefore = first.filter((a) => a.status !== 0).length;
  log(`kill -9 after ${killedAt} answers; first round: ${statusCounts(first)}`);
  check("the server was killed mid-intake", killedAt >= KILL_AFTER && answeredBefore < ORDERS, `${answeredBefore} of ${ORDERS} answered before kill -9, ${ORDERS - answeredBefore} cut off`);
  const unexpected = first.filter((a) => a.status !== 0 && a.status !== 201 && a.status !== 409 && a.status !== 503);
  check("answers before the kill are 201, 409 (stock) or 503", unexpected.length === 0, unexpected.slice(0, 3).map((a) => `${a.status} ${a.text.slice(0, 200)}`).join("; "));

  await sleep(500);
  app = await startApp("server", { databaseUrl: context.databaseUrl });
  log(`server restarted (pid ${app.pid})`);

  const after = await checkOrders(prisma, requests);
  const confirmedMissing = requests.filter((r, i) => first[i]!.status === 201 && !after.present.has(r.externalId));
  check("every order is complete or absent", after.problems.length === 0, after.problems.slice(0, 5).join("; ") || `${after.present.size} complete, ${ORDERS - after.present.size} absent`);
  check("every 201 answered before the kill is in the database", confirmedMissing.length === 0, confirmedMissing.map((r) => r.externalId).slice(0, 3).join(", "));
  const ledger = await ledgerProblems(prisma);
  check("the ledger verifies (verifyLedger)", ledger.length === 0, ledger.slice(0, 3).join("; "));
  const over = await oversold(prisma, world.variants.map((v) => v.id));
  check("oversold units after the crash", over === 0, `${over}`);

  log("replaying all 200 requests with their Idempotency-Keys");
  const replay = await mapLimit(requests, 50, (r) => postOrderPatiently(app.baseUrl, r));
  log(`replay: ${statusCounts(replay)}`);
  const mismatched = requests.flatMap((r, i) => {
    const a = first[i]!;
    const b = replay[i]!;
    if (a.status !== 201) return [];
    return b.status === 201 && b.text === a.text && b.replayed ? [] : [`${r.externalId}: first 201, replay ${b.status}${b.replayed ? " (replayed)" : ""}${b.text === a.text ? "" : " with another body"}`];
  });
  check("replayed completed orders answer byte for byte the first response", mismatched.length === 0, mismatched.slice(0, 3).join("; ") || `${first.filter((a) => a.status === 201).length} identical`);
  const cutOffCommitted = requests.filter((r, i) => first[i]!.status === 0 && after.present.has(r.externalId));
  const cutOffReplayed = cutOffCommitted.filter((r) => replay[requests.indexOf(r)]!.replayed).length;
  check("cut-off requests that had committed are answered from their idempotency record", cutOffReplayed === cutOffCommitted.length, `${cutOffCommitted.length} cut off after commit, ${cutOffReplayed} replayed`);
  const badReplay = replay.filter((a) => a.status !== 201 && a.status !== 409);
  check("replay answers are 201 or 409 (stock)", badReplay.length === 0, badReplay.slice(0, 3).map((a) => `${a.status} ${a.text.slice(0, 200)}`).join("; "));

  const again = await mapLimit(requests, 50, (r) => postOrderPatiently(app.baseUrl, r));
  const final = await checkOrders(prisma, requests);
  const total = await prisma.order.count({ where: { externalId: { in: requests.map((r) => r.externalId) } } });
  const created = replay.filter((a) => a.status === 201).length;
  check("no duplicate order after two replays", final.problems.length === 0 && total === created && total === final.present.size, `${total} orders for ${created} accepted requests; ${final.problems.slice(0, 3).join("; ")}`);
  const secondDiffers = requests.filter((_, i) => replay[i]!.status === 201 && (again[i]!.text !== replay[i]!.text || !again[i]!.replayed)).length;
  check("a second replay answers every accepted order from its record", secondDiffers === 0, `${secondDiffers} differ`);
  const hotAllocated = await prisma.reservation.aggregate({ _sum: { quantity: true }, where: { variantId: hot!.id, status: "ACTIVE" } });
  const hotUnits = HOT_STOCK.reduce((a, b) => a + b);
  check("hot SKU: reserved ≤ stock (oversold 0)", (hotAllocated._sum.quantity ?? 0) <= hotUnits && (await oversold(prisma, world.variants.map((v) => v.id))) === 0, `${hotAllocated._sum.quantity ?? 0} of ${hotUnits} units reserved`);
  const ledgerAfter = await ledgerProblems(prisma);
  check("the ledger verifies after the replays", ledgerAfter.length === 0, ledgerAfter.slice(0, 3).join("; "));
  check("the restarted server is a new process", app.pid !== firstPid, `pid ${firstPid} → ${app.pid}`);

  return {
    name: "kill -9 mid-intake",
    checks,
    figures: { orders: ORDERS, answeredBeforeKill: answeredBefore, cutOff: ORDERS - answeredBefore, committedAfterCrash: after.present.size, cutOffButCommitted: cutOffCommitted.length, acceptedAfterReplay: created },
    app,
  };
}
