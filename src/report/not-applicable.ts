import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/types.js';
import type { AgencyJson, ResultsDoc } from '../results/schema.js';

type Leaf = AgencyJson['leaves'][number];
type Tags = ResultsDoc['framework']['tags'];

/** Why a leaf did not count for the agency, or what became of its "không áp dụng" claim; undefined when neither. */
export function notApplicableText(leaf: Leaf, lang: Lang, tags?: Tags): string | undefined {
  const na = leaf.notApplicable;
  // Tags by their names in the reader's language ("Có dịch vụ công"), ids when the results do not name them.
  const named = (id: string) => tags?.find((x) => x.id === id)?.name[lang] ?? id;
  if (na?.by === 'tag') return t('NA_BY_TAG', lang, { tags: (na.tags ?? []).map(named).join(', ') });
  if (na?.by === 'declared') return t('NA_DECLARED', lang, { reason: na.reason ?? t('NA_NO_REASON', lang) });
  const claim = leaf.notApplicableClaim;
  if (!claim) return undefined;
  if (!claim.allowed) return t('NA_NOT_ALLOWED', lang);
  if (claim.rejected) return t('NA_REJECTED', lang, { reason: claim.reason ?? t('NA_NO_REASON', lang), rejection: claim.rejected.reason });
  return undefined;
}
