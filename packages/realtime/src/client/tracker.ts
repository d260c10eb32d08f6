// Which events a client has applied, per stream: detects duplicates (at-least-once
// delivery) and gaps (a lost message or a disconnect), so the client fetches what it missed.
// Pure, no I/O: the connection drives it.

export type Verdict =
  /** The next event of its stream (or of a stream the client does not follow in full). */
  | { kind: "apply" }
  /** Seen already (redelivery): ignore. */
  | { kind: "duplicate" }
  /** Events between `after` (exclusive) and this one are missing: fetch them first. */
  | { kind: "gap"; after: number };

export interface TrackerState {
  streams: "all" | string[];
  last: Record<string, number>;
}

export class StreamTracker {
  private last = new Map<string, number>();
  private followed: "all" | Set<string> = new Set();
  /** Ids of events from streams not followed in full (an order's room), to drop repeats. */
  private recentIds = new Set<string>();

  constructor(initial?: Partial<TrackerState>) {
    for (const [stream, seq] of Object.entries(initial?.last ?? {})) this.last.set(stream, seq);
  }

  /**
   * After (re)connecting: the streams this socket follows and where each stands. Returns the
   * streams whose head is beyond what was applied (to fetch). A stream seen for the first
   * time starts at its head: the screens load current data anyway.
   */
  hello(streams: "all" | string[], heads: Record<string, number>): Array<{ stream: string; after: number }> {
    this.followed = streams === "all" ? "all" : new Set(streams);
    const behind: Array<{ stream: string; after: number }> = [];
    const names = streams === "all" ? Object.keys(heads) : streams;
    for (const stream of names) {
      const head = heads[stream] ?? 0;
      const applied = this.last.get(stream);
      if (applied === undefined) this.last.set(stream, head);
      else if (applied < head) behind.push({ stream, after: applied });
      else if (applied > head) this.last.set(stream, head); // the database was reset
    }
    return behind;
  }

  /** Periodic heads from the server: streams that moved on without this client noticing. */
  heads(heads: Record<string, number>): Array<{ stream: string; after: number }> {
    const behind: Array<{ stream: string; after: number }> = [];
    for (const [stream, head] of Object.entries(heads)) {
      if (!this.follows(stream)) continue;
      const applied = this.last.get(stream) ?? 0;
      if (applied < head) behind.push({ stream, after: applied });
    }
    return behind;
  }

  follows(stream: string): boolean {
    return this.followed === "all" || this.followed.has(stream);
  }

  lastApplied(stream: string): number | undefined {
    return this.last.get(stream);
  }

  check(event: { id: string; stream: string; seq: number }): Verdict {
    if (!this.follows(event.stream)) return this.recentIds.has(event.id) ? { kind: "duplicate" } : { kind: "apply" };
    const applied = this.last.get(event.stream) ?? 0;
    if (event.seq <= applied) return { kind: "duplicate" };
    if (event.seq === applied + 1) return { kind: "apply" };
    return { kind: "gap", after: applied };
  }

  /** Records an applied event. */
  applied(event: { id: string; stream: string; seq: number }): void {
    if (!this.follows(event.stream)) {
      this.recentIds.add(event.id);
      if (this.recentIds.size > 500) this.recentIds.delete(this.recentIds.values().next().value!);
      return;
    }
    const applied = this.last.get(event.stream) ?? 0;
    if (event.seq > applied) this.last.set(event.stream, event.seq);
  }

  state(): TrackerState {
    return { streams: this.followed === "all" ? "all" : [...this.followed], last: Object.fromEntries(this.last) };
  }
}
