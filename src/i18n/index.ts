export { t, resolveLang, messageKeys, hasMessage } from './catalog.js';
export { renderIssue, renderLocation } from './render.js';
export type { Lang } from './types.js';
