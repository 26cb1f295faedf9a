/**
 * Where the widget's script came from: the proxy that serves it also serves the API and the
 * basemap, so this is the default `api`. The entry is `<base>/widget/<version>/picker-….js`, hence
 * `../../`.
 * This module must stay in the entry chunk for `import.meta.url` to name the entry.
 */
// Through a variable: Vite rewrites `new URL('literal', import.meta.url)` into an asset import.
const scriptUrl = import.meta.url;

// In development the dev server's origin; in Node (unit tests importing the element, a server
// rendering the sources) there is no location, and the entry's URL serves.
export const SCRIPT_BASE: string =
  import.meta.env.DEV && typeof location !== 'undefined'
    ? `${globalThis.location.origin}/`
    : new URL('../../', scriptUrl).href;
