/**
 * A small framework with the 2025 features (issue 11): tags and onlyFor, N/A allowed, bonus and
 * penalty, three blocks with their own maxima and classes. Engine, framework and report tests share it.
 */
export const Y2025 = {
  id: 'mini-2025',
  name: { vi: 'Bộ chỉ số thử 2025', en: 'Test framework 2025' },
  version: '1',
  year: 2025,
  maxPointsByGroup: { so: 100, tw: 80, xa: 90 },
  precision: { points: 2, index: 4 },
  tags: [
    { id: 'has-public-services', name: { vi: 'Có dịch vụ công', en: 'Provides public services' } },
    { id: 'digital-economy-duties', name: { vi: 'Có nhiệm vụ kinh tế số', en: 'Has digital-economy duties' } },
  ],
  groups: [
    { id: 'so', name: { vi: 'Sở, ban, ngành', en: 'Departments' } },
    { id: 'tw', name: { vi: 'Cơ quan Trung ương', en: 'Central agencies' }, ranked: false },
    {
      id: 'xa',
      name: { vi: 'Xã, phường, đặc khu', en: 'Communes and wards' },
      classes: [
        { code: 'tot', name: { vi: 'Tốt', en: 'Good' }, min: 0.8 },
        { code: 'kha', name: { vi: 'Khá', en: 'Fair' }, min: 0.5 },
      ],
    },
  ],
  pillars: [{ code: 'gov', name: { vi: 'Chính quyền số', en: 'Digital government' } }],
  classes: [
    { code: 'a', name: { vi: 'Xuất sắc', en: 'Excellent' }, min: 0.9 },
    { code: 'b', name: { vi: 'Tốt', en: 'Good' }, min: 0.6 },
  ],
  indicators: [
    {
      code: '1',
      name: { vi: 'Nhận thức số', en: 'Digital awareness' },
      pillars: ['gov'],
      children: [
        { code: '1.1', name: { vi: 'Kế hoạch', en: 'Plan' }, maxPoints: 40, rule: { type: 'boolean' } },
        { code: '1.2', name: { vi: 'Tuyên truyền', en: 'Outreach' }, maxPoints: 20, notApplicableAllowed: true, rule: { type: 'boolean' } },
      ],
    },
    {
      code: '2',
      name: { vi: 'Hoạt động', en: 'Activity' },
      pillars: ['gov'],
      children: [
        {
          code: '2.1',
          name: { vi: 'Dịch vụ công', en: 'Public services' },
          maxPoints: 20,
          onlyFor: ['has-public-services'],
          groups: ['so', 'tw'],
          rule: { type: 'ratio', target: 100 },
        },
        { code: '2.2', name: { vi: 'Kinh tế số', en: 'Digital economy' }, maxPoints: 20, maxPointsByGroup: { xa: 30 }, groups: ['so', 'xa'], rule: { type: 'boolean' } },
      ],
    },
    {
      code: '9',
      name: { vi: 'Điểm thưởng và điểm trừ', en: 'Bonus and penalty' },
      children: [
        { code: '9.1', name: { vi: 'Giải thưởng', en: 'Awards' }, maxPoints: 10, effect: 'bonus', rule: { type: 'count', pointsPerItem: 5 } },
        { code: '9.2', name: { vi: 'Sự cố an toàn thông tin', en: 'Security incident' }, maxPoints: 20, effect: 'penalty', rule: { type: 'boolean' } },
      ],
    },
  ],
};
