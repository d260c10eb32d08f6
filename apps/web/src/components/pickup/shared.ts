// Small pieces the pickup screens share: types of the router's answers, a ticking clock,
// durations for the countdown, the new-order beep and tRPC error reading.
import type { AppRouter } from "@oms/api";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect, useState } from "react";

export type PickupQueueData = inferRouterOutputs<AppRouter>["pickup"]["queue"];
export type PickupCardData = PickupQueueData["groups"]["new"][number];
export type PickupLineData = PickupCardData["lines"][number];
export type PickupGroupKey = keyof PickupQueueData["groups"];
export const groupKeys: readonly PickupGroupKey[] = ["new", "picking", "ready", "problems", "collected"];

/** The current time, refreshed every `intervalMs` (the countdowns tick without a refetch). */
export function useNow(intervalMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Whole minutes, hours and days of a duration, for the "Ready in" / "Late by" labels. */
export function splitDuration(ms: number): { d: number; h: number; m: number } {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}

/**
 * A short two-tone beep (WebAudio, no file to load). Browsers allow sound only after the
 * person touched the page once; before that it fails silently and the notification stays.
 */
export function playNewOrderBeep(): void {
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    const audio = new Ctor();
    const gain = audio.createGain();
    gain.gain.value = 0.15;
    gain.connect(audio.destination);
    [880, 1320].forEach((frequency, i) => {
      const osc = audio.createOscillator();
      osc.type = "sine";
      osc.frequency.value = frequency;
      osc.connect(gain);
      osc.start(audio.currentTime + i * 0.18);
      osc.stop(audio.currentTime + i * 0.18 + 0.15);
    });
    setTimeout(() => void audio.close().catch(() => undefined), 800);
  } catch {
    // No sound on this device: the visible cue is enough.
  }
}

/** The server's message (already written for the reader). */
export function serverMessage(error: unknown): string | null {
  return error instanceof Error && error.message ? error.message : null;
}

/** Units still to pick on a line: ordered minus sent elsewhere. */
export const unitsNeeded = (line: { quantity: number; quantityRejected: number }) => line.quantity - line.quantityRejected;
