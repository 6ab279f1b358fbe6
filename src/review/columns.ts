import { headerMatcher } from '../core/headers.js';

/**
 * Column roles of a review file (the appraisal council's decisions) and the headers that name
 * them, in Vietnamese and English, compared folded as headerKey folds them (case, diacritics,
 * NFC/NFD, punctuation and "_" do not matter). A header also matches when it starts with a
 * synonym of 5 characters or more followed by more words ("Lý do điều chỉnh (nếu có)").
 *
 * The descriptive columns of the review template (group, names, max points, the agency's inputs,
 * self-scored and computed points) have roles too, so that they are claimed by name and never
 * taken for a decision column. Only agencyCode, indicator and the decision roles are read.
 */
export const REVIEW_SYNONYMS = {
  agencyCode: ['ma don vi', 'agency code', 'agency', 'ma dv', 'ma co quan'],
  agencyName: ['ten don vi', 'agency name', 'ten co quan', 'don vi'],
  group: ['nhom', 'nhom don vi', 'khoi', 'group'],
  indicator: ['ma chi so', 'indicator', 'indicator code', 'ma tieu chi'],
  indicatorName: ['ten chi so', 'indicator name', 'chi so', 'noi dung'],
  maxPoints: ['diem toi da', 'max points', 'thang diem'],
  inputs: ['du lieu tu danh gia', 'so lieu tu danh gia', 'gia tri tu danh gia', 'agency inputs', 'self assessed inputs', 'inputs'],
  evidence: ['tai lieu kiem chung', 'evidence', 'minh chung'],
  selfPoints: ['diem tu cham', 'diem tu danh gia', 'self scored points', 'self scored', 'self points', 'self assessed points'],
  computedPoints: ['diem tinh toan', 'diem theo quy tac', 'computed points', 'computed'],
  // Decisions.
  points: ['diem tham dinh', 'diem duoc duyet', 'diem hoi dong tham dinh', 'diem sau tham dinh', 'approved points', 'approved', 'appraised points'],
  value: ['gia tri dieu chinh', 'gia tri sau tham dinh', 'gia tri', 'corrected value', 'value'],
  numerator: ['tu so', 'tu so dieu chinh', 'corrected numerator', 'numerator'],
  denominator: ['mau so', 'mau so dieu chinh', 'corrected denominator', 'denominator'],
  naDecision: ['na decision', 'n a decision', 'quyet dinh khong ap dung', 'chap nhan khong ap dung', 'y kien ve khong ap dung', 'not applicable decision'],
  reason: ['ly do', 'ly do dieu chinh', 'ly do tham dinh', 'reason', 'reasons'],
  reviewer: ['nguoi tham dinh', 'can bo tham dinh', 'reviewer', 'reviewed by'],
} as const;

export type ReviewRole = keyof typeof REVIEW_SYNONYMS;

/** The columns that carry a decision: a row with all of them empty confirms the self-assessment. */
export const DECISION_ROLES = ['points', 'value', 'numerator', 'denominator'] as const satisfies readonly ReviewRole[];

/**
 * The council's answer to an agency's "không áp dụng" claim: a rejection is a decision of its own
 * (the indicator is then scored as missing); an acceptance confirms the claim and gives nothing.
 */
export const NA_REJECT_WORDS: readonly string[] = ['reject', 'rejected', 'no', 'khong chap nhan', 'khong', 'tu choi', 'bac'];
export const NA_ACCEPT_WORDS: readonly string[] = ['accept', 'accepted', 'yes', 'chap nhan', 'co', 'dong y'];

/** The role a review header names, or undefined. "approved_points", "Điểm thẩm định", "DIEM DUOC DUYET" → points. */
export const reviewColumnRole: (header: string) => ReviewRole | undefined = headerMatcher(REVIEW_SYNONYMS);
