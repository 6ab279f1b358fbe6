import type { AgencyJson, ResultsDoc } from '../../src/results/schema.js';

/** A tiny results document: one group of agencies given as [code, points], max 1000, two main indicators. */
export function tinyDoc(
  agencies: readonly { code: string; points: number; rank: number | null; maxPoints?: number; leaves?: AgencyJson['leaves']; indicators?: [number, number]; cls?: string }[],
  framework: { ties?: 'published' | 'exact' } = {},
): ResultsDoc {
  const names: Record<string, { vi: string; en: string }> = { tot: { vi: 'Tốt', en: 'Good' }, kha: { vi: 'Khá', en: 'Fair' } };
  return {
    tool: { name: 'dti', version: 'test' },
    lang: 'en',
    framework: {
      id: 'tiny',
      name: { vi: 'Nhỏ', en: 'Tiny' },
      version: '1',
      year: 2024,
      maxPoints: 1000,
      precision: { points: 2, index: 4, indexDisplay: 'decimal' },
      ties: framework.ties ?? 'published',
    },
    inputs: [],
    groups: [
      {
        id: 'g',
        name: { vi: 'Nhóm', en: 'Group' },
        ranked: true,
        maxPoints: 1000,
        agencies: agencies.map((a) => {
          const max = a.maxPoints ?? 1000;
          const [p1, p2] = a.indicators ?? [a.points / 2, a.points / 2];
          return {
            code: a.code,
            name: `Agency ${a.code}`,
            group: 'g',
            file: `${a.code}.xlsx`,
            points: a.points,
            maxPoints: max,
            index: Number((a.points / max).toFixed(4)),
            rank: a.rank,
            ...(a.cls ? { class: { code: a.cls, name: names[a.cls]! } } : {}),
            complete: true,
            indicators: [
              { code: '1', name: { vi: 'Một', en: 'One' }, group: 'g', points: p1, maxPoints: max / 2, index: Number((p1 / (max / 2)).toFixed(4)), rank: null },
              { code: '2', name: { vi: 'Hai', en: 'Two' }, group: 'g', points: p2, maxPoints: max / 2, index: Number((p2 / (max / 2)).toFixed(4)), rank: null },
            ],
            pillars: [],
            leaves: a.leaves ?? [],
          };
        }),
      },
    ],
    issues: [],
    summary: { agencies: agencies.length, errors: 0, warnings: 0, infos: 0 },
  };
}

export function leaf(code: string, points: number, maxPoints: number, extra: Partial<AgencyJson['leaves'][number]> = {}): AgencyJson['leaves'][number] {
  return { code, rule: 'manual', status: 'scored', points, maxPoints, inputs: {}, sources: [], ...extra };
}
