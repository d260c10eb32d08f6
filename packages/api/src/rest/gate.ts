/**
 * At most `limit` write transactions at once per process; the rest wait here in order.
 * Without it a burst of orders queues inside the database pool, whose wait is short
 * (DATABASE_CONNECT_TIMEOUT_MS) and then fails; waiting here keeps the pool free for
 * reads and turns a burst into a queue. A request that waited `maxWaitMs` gets 503.
 */
export interface Gate {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export class GateTimeoutError extends Error {
  constructor() {
    super("Waited too long for a free database connection");
    this.name = "GateTimeoutError";
  }
}

export function createGate(limit: number, maxWaitMs = 60_000): Gate {
  let active = 0;
  const waiting: { resolve: () => void; timer: NodeJS.Timeout }[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve();
    } else active--;
  };
  return {
    async run(fn) {
      if (active < limit) active++;
      else {
        await new Promise<void>((resolve, reject) => {
          const entry = {
            resolve,
            timer: setTimeout(() => {
              const i = waiting.indexOf(entry);
              if (i >= 0) waiting.splice(i, 1);
              reject(new GateTimeoutError());
            }, maxWaitMs),
          };
          waiting.push(entry);
        });
      }
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}

/** Six concurrent write transactions: leaves room in the default pool of 10 for reads. */
export const defaultWriteGate = createGate(6);
