// The store a shared device (till, tablet) belongs to: chosen once on the PIN screen and
// kept in localStorage and a cookie (so the server can open the PIN tab straight away).
export const DEVICE_STORE_COOKIE = "oms-device-store";
const STORAGE_KEY = "oms.deviceStore";
const ONE_YEAR = 60 * 60 * 24 * 365;

export function readDeviceStore(cookieValue: string | null): string | null {
  if (typeof window === "undefined") return cookieValue;
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? cookieValue;
  } catch {
    return cookieValue;
  }
}

export function rememberDeviceStore(storeId: string | null): void {
  try {
    if (storeId) window.localStorage.setItem(STORAGE_KEY, storeId);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode: the cookie still remembers it.
  }
  document.cookie = storeId
    ? `${DEVICE_STORE_COOKIE}=${encodeURIComponent(storeId)}; path=/; max-age=${ONE_YEAR}; samesite=lax`
    : `${DEVICE_STORE_COOKIE}=; path=/; max-age=0; samesite=lax`;
}
