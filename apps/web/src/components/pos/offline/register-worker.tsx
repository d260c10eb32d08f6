"use client";
import { useEffect } from "react";

/** Registers the till's service worker (public/sw.js) so the sale screen and sign-in open offline. */
export function RegisterTillWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // No service worker (private mode, http on another host): the till still works online.
    });
  }, []);
  return null;
}
