import { describe, expect, it } from 'vitest';
import { summaryMarkdown } from '../../src/report/summary.js';
import { leaf, tinyDoc } from '../analysis/doc.js';

describe('summary.md, brief report cards', () => {
  const doc = tinyDoc([
    { code: 'A', points: 900, rank: 1 },
    { code: 'B', points: 850, rank: 2 },
    { code: 'C', points: 850, rank: 2 },
    { code: 'D', points: 800, rank: 4, leaves: [leaf('1.1', 10, 20), leaf('1.2', 15, 40), leaf('2.1', 0, 5), leaf('2.2', 9, 10)] },
  ]);

  it('gives each agency its index, rank, the three leaves where it lost most, and the points for the next rank', () => {
    const md = summaryMarkdown(doc, { lang: 'en' });
    expect(md).toContain('### Report cards (brief)');
    expect(md).toContain('- **Agency D (D)**: index 0.8000, rank 4; most points lost on 1.2 (−25.00), 1.1 (−10.00), 2.1 (−5.00); 50.05 more points for rank 2');
    expect(md).toContain('- **Agency A (A)**: index 0.9000, rank 1; full points on every indicator');
  });

  it('uses the decimal comma in Vietnamese', () => {
    expect(summaryMarkdown(doc, { lang: 'vi' })).toContain('- **Agency D (D)**: chỉ số 0,8000, hạng 4; mất nhiều điểm nhất ở 1.2 (−25,00), 1.1 (−10,00), 2.1 (−5,00); cần thêm 50,05 điểm để lên hạng 2');
  });
});
