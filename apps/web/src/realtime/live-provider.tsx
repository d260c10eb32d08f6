"use client";
// One socket.io connection per tab, opened when the first live consumer mounts (the area
// shell's status indicator), so /login never opens one. Tracks the last applied number per
// stream (sessionStorage: survives reloads, not tabs), fetches gaps with live.since, and
// refreshes the cached tRPC queries an event makes stale.
import { createLiveClient, typedEvent, type LiveClient, type LiveEvent, type LiveStatus, type TypedLiveEvent } from "@oms/realtime/client";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTRPCClient } from "../trpc/client.tsx";
import { isQueryOf, staleRouters } from "./topics.ts";

const STORAGE_KEY = "oms-live-sequences";

type Listener = (event: TypedLiveEvent) => void;

interface LiveContextValue {
  status: LiveStatus;
  /** Opens the connection if needed; returns a function that releases it. */
  retain(): () => void;
  subscribe(listener: Listener): () => void;
  watchOrder(orderId: string): () => void;
}

const LiveContext = createContext<LiveContextValue | null>(null);

const sessionStore = {
  load() {
    try {
      const raw = window.sessionStorage.getItem(STORAGE_KEY);
      return raw ? (JSON.parse(raw) as { last?: Record<string, number> }) : null;
    } catch {
      return null;
    }
  },
  save(state: { last: Record<string, number> }) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ last: state.last }));
    } catch {
      // Private mode or full storage: numbers live in memory only.
    }
  },
};

export function LiveProvider({ children }: { children: ReactNode }) {
  const trpcClient = useTRPCClient();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const clientRef = useRef<LiveClient | null>(null);
  const users = useRef(0);
  const listeners = useRef(new Set<Listener>());
  const pendingTopics = useRef(new Set<string>());
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Many events in a burst (a transfer received, a batch of orders): refresh once.
  const invalidateSoon = useCallback(
    (events: LiveEvent[]) => {
      for (const e of events) pendingTopics.current.add(e.topic);
      if (flushTimer.current) return;
      flushTimer.current = setTimeout(() => {
        flushTimer.current = null;
        const routers = staleRouters(pendingTopics.current);
        pendingTopics.current.clear();
        if (routers.size > 0) void queryClient.invalidateQueries({ predicate: (q) => isQueryOf(q.queryKey, routers) });
      }, 100);
    },
    [queryClient],
  );

  const open = useCallback(() => {
    if (clientRef.current) return;
    clientRef.current = createLiveClient({
      fetchSince: async (stream, after, limit) => (await trpcClient.live.since.query({ stream, after, limit })).events,
      onEvents: (events) => {
        for (const event of events) {
          const typed = typedEvent(event);
          if (typed) for (const listener of listeners.current) listener(typed);
        }
        invalidateSoon(events);
      },
      onStatus: (next) => setStatus(next),
      storage: sessionStore,
    });
  }, [trpcClient, invalidateSoon]);

  const retain = useCallback(() => {
    users.current += 1;
    open();
    return () => {
      users.current -= 1;
      // Keep the socket through a page change (unmount, then mount of the next screen).
      setTimeout(() => {
        if (users.current === 0 && clientRef.current) {
          clientRef.current.close();
          clientRef.current = null;
        }
      }, 1_000);
    };
  }, [open]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const watchOrder = useCallback((orderId: string) => {
    const client = clientRef.current;
    if (!client) return () => undefined;
    void client.watchOrder(orderId);
    return () => client.unwatchOrder(orderId);
  }, []);

  const value = useMemo<LiveContextValue>(() => ({ status, retain, subscribe, watchOrder }), [status, retain, subscribe, watchOrder]);

  useEffect(
    () => () => {
      clientRef.current?.close();
      clientRef.current = null;
    },
    [],
  );

  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

function useLiveContext(): LiveContextValue {
  const context = useContext(LiveContext);
  if (!context) throw new Error("useLiveEvents needs <LiveProvider> (app/providers.tsx).");
  return context;
}

/**
 * Keeps the live connection open while mounted and calls `onEvent` for every event the
 * person may see (validated payloads, each once, in order). Cached tRPC queries refresh on
 * their own; pass `onEvent` to patch something faster or react (a sound, a toast).
 */
export function useLiveEvents(onEvent?: Listener, options: { orderId?: string } = {}): LiveStatus {
  const { status, retain, subscribe, watchOrder } = useLiveContext();
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    return retain();
  }, [retain]);
  useEffect(() => {
    return subscribe((event) => handler.current?.(event));
  }, [subscribe]);
  const { orderId } = options;
  const connected = status === "live";
  // (Re)join the order's room whenever the connection is (re)established.
  useEffect(() => {
    return orderId && connected ? watchOrder(orderId) : undefined;
  }, [orderId, connected, watchOrder]);
  return status;
}
