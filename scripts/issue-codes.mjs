#!/usr/bin/env node
// Prints the README's table of issue codes from the message catalogue (npm run build first).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const { messageKeys, t } = await import(join(root, 'dist/i18n/catalog.js'));
const severity = { E: 'error', W: 'warning', I: 'info' };
const codes = messageKeys().filter((k) => /^[EWI]_[A-Z0-9_]+$/.test(k)).sort();
console.log('| code | severity | message (en; {…} are filled in) |\n|---|---|---|');
for (const code of codes) console.log(`| \`${code}\` | ${severity[code[0]]} | ${t(code, 'en').replace(/\|/g, '\\|')} |`);
