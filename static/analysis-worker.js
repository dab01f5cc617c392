// Analyses big files off the page's main thread (src/services/analysis_worker.rs starts it).
// It loads the analysis engine's module (its URL comes with each request; the browser fetches
// it once, from the page's origin) and calls its `analyse_for_page`, which
// answers with the analysis as bytes (enccfg_core::wire). Requests that were overtaken by a
// newer one before this worker got to them are skipped: only the latest text is analysed.
let module = null;
let latest = 0;
// A module that has not loaded by then (a stalled download) counts as failed: the page then
// analyses on its own thread instead of staying pending.
const LOAD_TIMEOUT_MS = 15000;

function load(url) {
  if (!module) {
    const loading = import(url).then(async (m) => {
      await m.default();
      return m;
    });
    const timeout = new Promise((_, reject) => {
      setTimeout(() => reject(new Error(`its module did not load in ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
    });
    module = Promise.race([loading, timeout]).catch((error) => {
      module = null;
      throw error;
    });
  }
  return module;
}

self.onmessage = (event) => {
  const request = event.data;
  latest = request.id;
  // Let any newer request already queued arrive first.
  setTimeout(async () => {
    if (request.id !== latest) return;
    try {
      const m = await load(request.module);
      if (request.id !== latest) return;
      const bytes = m.analyse_for_page(request.text, request.options, request.includeUnsafe, request.canonical);
      self.postMessage({ id: request.id, bytes }, [bytes.buffer]);
    } catch (error) {
      self.postMessage({ id: request.id, error: String((error && error.message) || error) });
    }
  }, 0);
};
