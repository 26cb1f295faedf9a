/**
 * Starts a module worker from a URL that may be on another origin. Browsers refuse
 * `new Worker(url)` across origins, and the widget's files come from the proxy while the page is
 * the shop's: a same-origin `blob:` module that imports the real one gets around it (the import is
 * an ordinary CORS fetch, which the proxy allows).
 */
export function createModuleWorker(url: string, name: string): Worker {
  const absolute = new URL(url, import.meta.url).href;
  if (new URL(absolute).origin === globalThis.location.origin) {
    return new Worker(absolute, { type: 'module', name });
  }
  const source = `import ${JSON.stringify(absolute)};`;
  if (globalThis.origin === 'null') {
    // A sandboxed page has an opaque origin, and Chromium will not start a module worker from a
    // blob: URL there; a data: URL works.
    return new Worker(`data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`, {
      type: 'module',
      name,
    });
  }
  const blob = new Blob([source], { type: 'text/javascript' });
  const blobUrl = URL.createObjectURL(blob);
  try {
    return new Worker(blobUrl, { type: 'module', name });
  } finally {
    // The worker has its script by now; the blob URL is no longer needed.
    URL.revokeObjectURL(blobUrl);
  }
}
