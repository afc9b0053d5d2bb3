// Injected by the test server at the top of <head>: keeps the page's errors where a test can
// read them, in every engine (WebKitWebDriver gives no console log). Kept per tab in
// sessionStorage, so errors on a page the test has since left are not lost.
(() => {
  const key = "gs-test-errors";
  // Once the reader leaves, loads still under way are cut off (Firefox reports the search
  // worker's as an error): nothing a reader sees, so not recorded.
  let leaving = false;
  for (const type of ["beforeunload", "pagehide"]) {
    addEventListener(type, () => {
      leaving = true;
    });
  }
  addEventListener("pageshow", () => {
    leaving = false;
  });
  const keep = (text) => {
    if (leaving) {
      return;
    }
    try {
      const kept = JSON.parse(sessionStorage.getItem(key) || "[]");
      kept.push(`${location.pathname}${location.hash}: ${text}`);
      sessionStorage.setItem(key, JSON.stringify(kept));
    } catch (_) {
      // Storage refused (a sandboxed frame): nothing to record into.
    }
  };
  addEventListener(
    "error",
    (event) => {
      if (event instanceof ErrorEvent) {
        keep(`${event.message} (${event.filename}:${event.lineno})`);
      } else if (event.target instanceof Element) {
        keep(`could not load ${event.target.src || event.target.href}`);
      }
    },
    true,
  );
  addEventListener("unhandledrejection", (event) => keep(`unhandled rejection: ${event.reason}`));
  const error = console.error;
  console.error = (...args) => {
    keep(`console.error: ${args.map(String).join(" ")}`);
    error.apply(console, args);
  };
})();
