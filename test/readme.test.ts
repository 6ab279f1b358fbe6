import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageKeys } from '../src/i18n/catalog.js';

const readme = readFileSync('README.md', 'utf8');

describe('the README', () => {
  it('documents every issue code of the message catalogue', () => {
    const codes = messageKeys().filter((k) => /^[EWI]_[A-Z0-9_]+$/.test(k));
    expect(codes.filter((c) => !readme.includes(`\`${c}\``))).toEqual([]);
  });

  it('has a quick start of exactly two commands: install and score the sample, then test', () => {
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Commands'));
    const block = /```sh\n([\s\S]*?)```/.exec(quick)![1]!.trim().split('\n');
    expect(block).toEqual([
      'npm install && npx dti score fixtures/khanh-hoa-2023/agencies-long.csv --framework khanh-hoa-agencies --out results.json',
      'npm test',
    ]);
  });
});
