// This browser profile as a till device: an id made here once and kept (docs/pos.md#offline).
const DEVICE_KEY = "oms.pos.deviceId";

export function tillDeviceId(): string {
  try {
    const known = window.localStorage.getItem(DEVICE_KEY);
    if (known) return known;
    const id = crypto.randomUUID();
    window.localStorage.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    // No storage (private mode): one id per page load; the queue needs IndexedDB anyway.
    return crypto.randomUUID();
  }
}

/** Shown to HQ next to the device; bump with changes to the offline protocol. */
export const TILL_APP_VERSION = "offline-1";

/** Tabs of this browser tell each other the queue changed (a sale recorded, a sync done). */
export const QUEUE_CHANNEL = "oms-pos-queue";
