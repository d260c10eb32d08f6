"use client";
// The till's offline state (docs/pos.md#offline): online or not (the browser's flag and the
// server's heartbeat answer), the cached catalogue kept current, the queue in IndexedDB and
// its sync (one tab at a time through Web Locks; the server applies each command once).
import type { OfflineCatalog, OfflineCommandInput, OfflineSettings } from "@oms/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLiveEvents } from "../../../realtime/live-provider.tsx";
import { useTRPC, useTRPCClient } from "../../../trpc/client.tsx";
import type { TillContext } from "../sale/shared.ts";
import { QUEUE_CHANNEL, TILL_APP_VERSION, tillDeviceId } from "./device.ts";
import { idbGet, idbPut } from "./idb.ts";
import { currentOfflineSession, endOfflineSession, type OfflineSession } from "./offline-pin.ts";
import { RegisterTillWorker } from "./register-worker.tsx";
import { enqueue, idbQueueStore, isPermanentRefusal, queueStats, retryRejected, syncQueue, withSyncLock, type QueuedCommand, type QueueStats, type SyncReport } from "./queue.ts";

const HEARTBEAT_MS = 15_000;
const PROBE_MS = 5_000;
const CATALOG_REFRESH_MS = 5 * 60_000;

export interface OfflineTill {
  deviceId: string;
  /** The server answered the last heartbeat and the browser has a network. */
  online: boolean;
  /** Why not online: the browser has no network, or the server does not answer. */
  reason: "network" | "server" | null;
  catalog: OfflineCatalog | null;
  settings: OfflineSettings | null;
  entries: QueuedCommand[];
  stats: QueueStats;
  syncing: boolean;
  lastSync: SyncReport | null;
  /** Minutes the oldest unsynced command has waited, and whether that passed the alert limit. */
  oldestMinutes: number | null;
  alert: boolean;
  /** The person selling: the offline session's cashier when signed in offline, else the page's. */
  cashier: { id: string; offline: boolean; name: string | null };
  offlineSession: OfflineSession | null;
  /** Online again after an offline sign-in of someone else than the server session's person: sign in online first. */
  needsSignIn: boolean;
  /** Stores the command durably; resolves only after IndexedDB committed it. */
  record(command: OfflineCommandInput): Promise<void>;
  syncNow(): void;
  retry(clientId: string): Promise<void>;
}

const OfflineTillContext = createContext<OfflineTill | null>(null);

export function useOfflineTill(): OfflineTill {
  const value = useContext(OfflineTillContext);
  if (!value) throw new Error("useOfflineTill outside OfflineTillProvider");
  return value;
}

function networkError(error: unknown): boolean {
  return !isPermanentRefusal(error);
}

export function OfflineTillProvider({ till, userId, children }: { till: TillContext; userId: string; children: ReactNode }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [deviceId] = useState(() => (typeof window === "undefined" ? "" : tillDeviceId()));
  const [online, setOnline] = useState(true);
  const [reason, setReason] = useState<OfflineTill["reason"]>(null);
  const [catalog, setCatalog] = useState<OfflineCatalog | null>(null);
  const [settings, setSettings] = useState<OfflineSettings | null>(null);
  const [entries, setEntries] = useState<QueuedCommand[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [lastSync, setLastSync] = useState<SyncReport | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [offlineSession, setOfflineSession] = useState<OfflineSession | null>(null);
  const channel = useRef<BroadcastChannel | null>(null);
  const syncRunning = useRef(false);
  const onlineRef = useRef(online);
  onlineRef.current = online;

  const reload = useCallback(async () => {
    try {
      setEntries(await idbQueueStore.all());
    } catch {
      setEntries([]);
    }
  }, []);

  // The queue as stored, the cached catalogue, the offline session of this tab.
  useEffect(() => {
    void reload();
    setOfflineSession(currentOfflineSession());
    void idbGet<OfflineCatalog>("catalog", till.locationId).then((c) => {
      if (c) {
        setCatalog((current) => current ?? c);
        setSettings((current) => current ?? c.settings);
      }
    });
    if (typeof BroadcastChannel !== "undefined") {
      const bc = new BroadcastChannel(QUEUE_CHANNEL);
      bc.onmessage = () => void reload();
      channel.current = bc;
      return () => bc.close();
    }
  }, [reload, till.locationId]);

  const announce = useCallback(() => {
    channel.current?.postMessage("changed");
  }, []);

  const refreshCatalog = useCallback(async () => {
    try {
      const fresh = await client.pos.offline.catalog.query({ locationId: till.locationId });
      await idbPut("catalog", fresh);
      setCatalog(fresh);
      setSettings(fresh.settings);
    } catch {
      // Offline or refused: the cached one stays.
    }
  }, [client, till.locationId]);

  const stats = useMemo(() => queueStats(entries), [entries]);
  const statsRef = useRef(stats);
  statsRef.current = stats;

  const heartbeat = useCallback(async (): Promise<boolean> => {
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      setOnline(false);
      setReason("network");
      return false;
    }
    try {
      const s = statsRef.current;
      const answer = await client.pos.offline.heartbeat.mutate({
        deviceId,
        locationId: till.locationId,
        registerId: till.register.id,
        appVersion: TILL_APP_VERSION,
        unsyncedCount: s.pending + s.rejected,
        unsyncedTotal: s.total,
        oldestUnsyncedAt: s.oldest,
        rejectedCount: s.rejected,
      });
      setSettings(answer.settings);
      setOnline(true);
      setReason(null);
      return true;
    } catch (error) {
      if (networkError(error)) {
        setOnline(false);
        setReason(typeof navigator !== "undefined" && navigator.onLine === false ? "network" : "server");
        return false;
      }
      // Refused (e.g. signed out): the server is there; the sale screen's own calls say why.
      setOnline(true);
      setReason(null);
      return true;
    }
  }, [client, deviceId, till.locationId, till.register.id]);

  const sync = useCallback(async () => {
    if (syncRunning.current || !onlineRef.current) return;
    syncRunning.current = true;
    setSyncing(true);
    try {
      const report = await withSyncLock(() => syncQueue(idbQueueStore, (command) => client.pos.offline.submit.mutate(command)));
      if (report) {
        setLastSync(report);
        if (report.stopped) setOnline(false);
        if (report.applied.length > 0 || report.rejected > 0) {
          announce();
          void queryClient.invalidateQueries({ queryKey: trpc.registers.list.queryKey() });
        }
      }
    } finally {
      syncRunning.current = false;
      setSyncing(false);
      await reload();
    }
  }, [client, announce, reload, queryClient, trpc]);

  // Online again: an offline sign-in of the person the server session belongs to is confirmed
  // by it and ends; another person's must sign in online (needsSignIn) before selling on.
  useEffect(() => {
    if (online && offlineSession && offlineSession.userId === userId) {
      endOfflineSession();
      setOfflineSession(null);
    }
  }, [online, offlineSession, userId]);

  // Heartbeat while online, a faster probe while not; the browser's own events at once.
  useEffect(() => {
    if (!deviceId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const loop = async () => {
      const ok = await heartbeat();
      if (stopped) return;
      timer = setTimeout(loop, ok ? HEARTBEAT_MS : PROBE_MS);
    };
    void loop();
    const wentOffline = () => (setOnline(false), setReason("network"));
    const cameBack = () => {
      clearTimeout(timer);
      void loop();
    };
    window.addEventListener("offline", wentOffline);
    window.addEventListener("online", cameBack);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("offline", wentOffline);
      window.removeEventListener("online", cameBack);
    };
  }, [deviceId, heartbeat]);

  // Back online: the catalogue refreshed, the queue sent, and re-checked every few minutes.
  useEffect(() => {
    if (!online) return;
    void refreshCatalog();
    const timer = setInterval(() => void refreshCatalog(), CATALOG_REFRESH_MS);
    return () => clearInterval(timer);
  }, [online, refreshCatalog]);
  useEffect(() => {
    if (online && stats.pending > 0) void sync();
  }, [online, stats.pending, sync]);

  // Price changes have no live event; a stock change at the store is a cheap moment to refresh too.
  const lastLiveRefresh = useRef(0);
  useLiveEvents((event) => {
    if (event.topic === "inventory.changed" && event.payload.locationId === till.locationId && Date.now() - lastLiveRefresh.current > 60_000) {
      lastLiveRefresh.current = Date.now();
      void refreshCatalog();
    }
  });

  // The age of the oldest unsynced sale is shown live.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  const record = useCallback(
    async (command: OfflineCommandInput) => {
      await enqueue(idbQueueStore, command);
      await reload();
      announce();
    },
    [reload, announce],
  );

  const retry = useCallback(
    async (clientId: string) => {
      await retryRejected(idbQueueStore, clientId);
      await reload();
      announce();
      void sync();
    },
    [reload, announce, sync],
  );

  const oldestMinutes = stats.oldest ? Math.max(0, Math.floor((now - new Date(stats.oldest).getTime()) / 60_000)) : null;
  const alertAfter = settings?.offlineAlertAfterMinutes ?? 30;
  const value: OfflineTill = {
    deviceId,
    online,
    reason,
    catalog,
    settings,
    entries,
    stats,
    syncing,
    lastSync,
    oldestMinutes,
    alert: oldestMinutes !== null && oldestMinutes >= alertAfter,
    cashier: offlineSession ? { id: offlineSession.userId, offline: true, name: offlineSession.name } : { id: userId, offline: false, name: null },
    needsSignIn: online && offlineSession !== null && offlineSession.userId !== userId,
    offlineSession,
    record,
    syncNow: () => void heartbeat().then(async (ok) => {
      if (ok) await sync();
    }),
    retry,
  };
  return (
    <OfflineTillContext.Provider value={value}>
      <RegisterTillWorker />
      {children}
    </OfflineTillContext.Provider>
  );
}
