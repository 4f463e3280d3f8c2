"use client";

import { useEffect } from "react";

/**
 * Installs the service worker (/sw.js) in a production build. Development leaves it out: a
 * worker serving cached code would hide the changes being made.
 */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
  }, []);
  return null;
}
