// Browser Back and Forward inside the app: React Router moves between pages
// without unloading, so neither `beforeunload` nor a click listener sees it. The
// router's own blocker does: while the page's guard reports unsaved changes, a
// history move is held and the page's "Leave without saving?" dialog opens;
// Leave lets it through (blocker.proceed), Stay cancels it (blocker.reset).
import { useEffect } from "react";
import { useBlocker } from "react-router";

export function UnsavedBlocker() {
  const blocker = useBlocker(({ currentLocation, nextLocation, historyAction }) => {
    // Links are asked about by the guard's click listener; this catches the rest.
    if (historyAction !== "POP") return false;
    const guard = window.jaUnsavedGuard;
    if (!guard || !guard.unsaved()) return false;
    return (
      currentLocation.pathname !== nextLocation.pathname ||
      currentLocation.search !== nextLocation.search
    );
  });
  useEffect(() => {
    const guard = window.jaUnsavedGuard;
    if (blocker.state !== "blocked" || !guard) return;
    guard.ask({ proceed: blocker.proceed, reset: blocker.reset });
  }, [blocker.state]);
  return null;
}
