/**
 * The names of a basemap's styles, one for each theme and language: what the proxy serves under
 * `/basemap/` (and `/basemap/streets/`) and what the widget asks for by default.
 */

/** `style.json`, `style-dark.json`, `style-en.json`, `style-dark-en.json`. */
export const styleFile = (dark: boolean, lang: string): string =>
  `style${dark ? '-dark' : ''}${lang === 'en' ? '-en' : ''}.json`;
