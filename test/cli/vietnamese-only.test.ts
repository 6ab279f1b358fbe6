import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dti } from './run.js';

/**
 * Every command's usual success and failure paths in Vietnamese (the default language), checked
 * for English words a person would read. What is not prose is taken out first: paths and file
 * names, option names, issue codes, JSON keys, YAML keys, format values named in the help
 * ("table", "json"), rule kinds a framework file spells in English ("manual"), and the English
 * names of Excel's own menus, quoted so a user finds them in an English Excel.
 */
const ENGLISH = new Set(
  `the and of to is are not no expected received error errors warning warnings file files folder missing invalid cannot could
  failed such directory options option usage default command commands must should found with for from value string number
  numerator denominator modelled help display unknown required argument arguments points rank index agency agencies group groups
  indicator indicators wrote written read total score class input output sheet row rows column yes true false none undefined
  internal permission denied exists empty notes issues more see year previous choices preset median best lost seed runs weights
  interval adjustment adjustments reverted range decimal whole list between greater less than equal imported drafted codes names
  every workbook gives them as`.split(/\s+/),
);

/** Allowed English: Excel's menu names, quoted in the hints so a user with an English Excel finds them. */
const EXCEL_NAMES = [/Số \(Number\)/g, /"Excel Workbook \(\.xlsx\)"/g, /Review › Protect Workbook › Structure/g];

function englishWords(text: string): string[] {
  let prose = text
    .split('\n')
    .filter((line) => !/^\s*["{}[\]]/.test(line)) // JSON documents printed for programs
    .filter((line) => !/^\s*[a-zA-Z]+:( |$)/.test(line)) // YAML keys of a framework printed by framework import
    .join('\n');
  for (const re of EXCEL_NAMES) prose = prose.replace(re, '');
  prose = prose
    .replace(/^ {2}[a-z][a-z-]*(?= )/gm, ' ') // command names in a help's list of commands
    .replace(/"[^"]{0,80}"/g, ' ') // quoted values and commands: what a file holds, as it holds it
    .replace(/\b[EWI]_[A-Z0-9_]+\s+[\w.[\]]+:/g, ' ') // an issue code and the field it is at ("E_FW_SCHEMA year:")
    .replace(/\S*[/\\._]\S*/g, ' ') // paths, file names, codes with dots, identifiers such as NO_COLOR
    .replace(/--?[a-z][a-z-]*/g, ' ') // option names
    .replace(/\bdti( [a-z-]+)+/g, ' ') // commands named in a hint ("dti framework list")
    .replace(/›[^:›]*:/g, '› :'); // field paths in a location ("› indicators[0].rule:")
  return [...prose.matchAll(/\p{L}+/gu)].map((m) => m[0]).filter((w) => ENGLISH.has(w.toLowerCase()));
}

const tmp = mkdtempSync(join(tmpdir(), 'dti-vi-'));
const RANK = join(tmp, 'rank');
const BAD_FRAMEWORK = join(tmp, 'framework.yaml');
const BAD_RESULTS = join(tmp, 'results.json');
const BAD_YAML = join(tmp, 'syntax.yaml');
const LONG = 'fixtures/khanh-hoa-2024/agencies-long.csv';
const FW = ['-f', 'khanh-hoa-agencies'];

beforeAll(() => {
  const r = dti(['rank', 'fixtures/khanh-hoa-2024', ...FW, '--year', '2024', '--review', 'fixtures/khanh-hoa-2024/review.csv', '--previous', 'fixtures/khanh-hoa-2023/results-2023.json', '--units-map', 'fixtures/khanh-hoa-2024/units-map.csv', '--out', RANK, '-q']);
  expect(r.code).toBe(0);
  writeFileSync(BAD_FRAMEWORK, 'id: hong\nname: { vi: Hỏng, en: Broken }\nversion: [1]\nyear: "hai"\ngroups: []\nindicators: []\n');
  writeFileSync(BAD_YAML, 'id: a\nid: b\nname: x: y\n');
  const results = JSON.parse(readFileSync(join(RANK, 'results.json'), 'utf8'));
  results.groups[0].agencies[0].index = 'cao';
  writeFileSync(BAD_RESULTS, JSON.stringify(results));
}, 180_000);

const cases: [string, string[], number][] = [
  ['score: the table', ['score', LONG, ...FW], 0],
  ['score: a folder of broken files', ['score', 'fixtures/bad', ...FW], 1],
  ['score: a file that is not there', ['score', 'nope.csv', ...FW], 2],
  ['score: an unknown framework', ['score', LONG, '-f', 'nope'], 2],
  ['score: a broken framework file', ['score', LONG, '-f', BAD_FRAMEWORK], 2],
  ['score: an unknown format', ['score', LONG, ...FW, '--format', 'xml'], 2],
  ['score: an unknown group', ['score', LONG, ...FW, '-g', 'nope'], 2],
  ['validate: clean', ['validate', LONG, ...FW], 0],
  ['validate: the wrong year', ['validate', 'fixtures/khanh-hoa-2023/messy', ...FW, '--year', '2024'], 1],
  ['check: a bundled framework', ['check', 'frameworks/khanh-hoa-agencies.yaml'], 0],
  ['check: a broken framework', ['check', BAD_FRAMEWORK], 1],
  ['check: a filled form', ['check', 'fixtures/khanh-hoa-2023/xlsx/BDT.xlsx'], 0],
  ['rank: an output folder that cannot be made', ['rank', LONG, ...FW, '--year', '2024', '--out', '/dev/null/x'], 2],
  ['rank: last year broken', ['rank', LONG, ...FW, '--year', '2024', '--previous', BAD_RESULTS, '--out', join(tmp, 'rank2')], 1],
  ['rank: a required option missing', ['rank', LONG, ...FW], 2],
  ['explain: an agency', ['explain', 'SNV', '--in', RANK], 0],
  ['explain: an indicator', ['explain', 'SNV', '1.1', '--in', RANK], 0],
  ['explain: an unknown agency', ['explain', 'NOPE', '--in', RANK], 2],
  ['explain: broken results', ['explain', 'SNV', '--in', BAD_RESULTS], 2],
  ['explain: results that are not JSON', ['explain', 'SNV', '--in', 'fixtures/khanh-hoa-2024/review.csv'], 2],
  ['check: a framework that is not YAML', ['check', BAD_YAML], 1],
  ['framework list', ['framework', 'list'], 0],
  ['framework show', ['framework', 'show', 'khanh-hoa-agencies'], 0],
  ['framework import', ['framework', 'import', 'fixtures/khanh-hoa-2023/official-forms/hidden-row.xlsx'], 0],
  ['template: a blank form', ['template', ...FW, '-g', 'so-nganh', '-o', join(tmp, 'form.xlsx')], 0],
  ['template: no group', ['template', ...FW, '-o', join(tmp, 'form2.xlsx')], 2],
  ['review-template', ['review-template', LONG, ...FW, '-o', join(tmp, 'review.xlsx')], 0],
  ['report', ['report', RANK, '-o', join(tmp, 'report.html')], 0],
  ['report: broken results', ['report', BAD_RESULTS, '-o', join(tmp, 'r.html')], 2],
  ['card', ['card', 'SNV', '--in', RANK, '-o', join(tmp, 'card.html')], 0],
  ['sensitivity', ['sensitivity', RANK, '--runs', '20'], 0],
  ['sensitivity: a count that is no number', ['sensitivity', RANK, '--runs', 'abc'], 2],
];

describe('Vietnamese output has no English words', () => {
  it.each(cases)('%s', (_name, args, code) => {
    const r = dti(args);
    expect(r.code).toBe(code);
    expect(englishWords(r.stdout + r.stderr)).toEqual([]);
  });

  it.each(['', 'score', 'validate', 'check', 'explain', 'rank', 'framework', 'template', 'review-template', 'report', 'card', 'sensitivity'])('dti %s --help', (command) => {
    const r = dti([...(command ? [command] : []), '--help']);
    expect(r.code).toBe(0);
    expect(englishWords(r.stdout)).toEqual([]);
  });

  it('finds the English words it looks for (the check can fail)', () => {
    expect(englishWords('Lỗi: expected number, received string')).toEqual(['expected', 'number', 'received', 'string']);
  });
});

describe('schema findings in the chosen language', () => {
  it('words a broken framework file in Vietnamese, and in English with --lang en', () => {
    expect(dti(['check', BAD_FRAMEWORK]).stdout).toContain('year: cần một số, nhưng là văn bản');
    expect(dti(['check', BAD_FRAMEWORK, '--lang', 'en']).stdout).toContain('year: a number expected, found text');
  });

  it('words a broken results file in Vietnamese, and in English with --lang en', () => {
    expect(dti(['report', BAD_RESULTS, '-o', join(tmp, 'x.html')]).stderr).toContain('groups.0.agencies.0.index: cần một số, nhưng là văn bản');
    expect(dti(['report', BAD_RESULTS, '-o', join(tmp, 'x.html'), '--lang', 'en']).stderr).toContain('groups.0.agencies.0.index: a number expected, found text');
  });
});
