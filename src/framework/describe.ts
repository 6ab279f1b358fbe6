import type { Rule } from '../engine/rules/index.js';
import { t } from '../i18n/catalog.js';
import { localNumber } from '../i18n/numbers.js';
import type { Lang } from '../i18n/types.js';

/** A rule in words, for `dti framework show`, templates and the method sheet; figures in the language's decimal mark ("0,5 điểm mỗi mục"). */
export function describeRule(rule: Rule, max: number, lang: Lang): string {
  const n = (v: number) => localNumber(v, lang);
  switch (rule.type) {
    case 'ratio':
      return rule.target !== undefined && rule.target < 100 ? t('RULE_ratio_target', lang, { target: rule.target }) : t('RULE_ratio', lang);
    case 'tiers': {
      const tiers = [...rule.tiers]
        .sort((a, b) => b.min - a.min)
        .map((x) => `≥ ${n(x.min)}${rule.basis === 'percent' ? '%' : ''} → ${n(x.points)}`)
        .join('; ');
      return t('RULE_tiers', lang, { tiers });
    }
    case 'count':
      return t('RULE_count', lang, { per: rule.pointsPerItem, cap: Math.min(rule.cap ?? max, max) });
    case 'choice':
      return t('RULE_choice', lang, { options: rule.options.map((o) => `${o.label[lang]} → ${n(o.points)}`).join('; ') });
    default:
      return t(`RULE_${rule.type}`, lang);
  }
}
