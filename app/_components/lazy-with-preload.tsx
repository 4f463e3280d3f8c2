"use client";

import { type ComponentType, lazy, useState } from "react";

/**
 * `React.lazy` with a `preload()` to call once the component is likely to be needed (the learner
 * started answering: the result panel follows). A component loaded by then renders at once;
 * `React.lazy` alone would still suspend on its first render, even with its code in hand, and
 * React reveals a suspended boundary no sooner than 300 ms after its fallback was shown: the
 * graded answer waited that long in the browser after the server had sent it (a third of a
 * second against a submit of 30–100 ms). What a first load carries does not change.
 */
export function lazyWithPreload<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload: () => void } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const loadOnce = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed load (a dropped connection) is tried again by the next preload or render.
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  // Ahead of need, a failure is not reported: the render that needs the component tries again
  // and shows it (through the page's error boundary) if it still fails.
  const preload = () => {
    loadOnce().catch(() => undefined);
  };
  const Lazy = lazy(() => loadOnce().then((component) => ({ default: component })));
  function Preloadable(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the component would remount it.
    const [Ready] = useState(() => loaded);
    return Ready ? <Ready {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Preloadable, { preload });
}
