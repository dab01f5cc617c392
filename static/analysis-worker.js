// Analyses big files off the page's main thread (src/services/analysis_worker.rs starts it).
// It loads the module of the panels opened on first use (its URL comes with each request; the
// browser fetches it once, from the page's origin) and calls its `analyse_for_page`, which
// answers with the analysis as bytes (enccfg_core::wire). Requests that were overtaken by a
// newer one before this worker got to them are skipped: only the latest text is analysed.
let module = null;
let latest = 0;

function load(url) {
  if (!module) {
    module = import(url)
      .then(async (m) => {
        await m.default();
        return m;
      })
      .catch((error) => {
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
