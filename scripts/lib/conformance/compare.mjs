// Whether dti's value for a cell shows what a reference reader's value shows, as Excel would show
// it. dti gives dates as ISO text ("2024-03-01", "2024-03-01T10:30:00", "10:30:00") and
// percentages as text ("65.8%"); the references give dates as dates and percentages as numbers.
// Text is compared in NFC, since dti normalises cell text to NFC on purpose.

/** A typed value (['n', 1], ['s', 'a'], …) or undefined for an empty cell. */
export function sameValue(dti, ref) {
  // Excel shows an empty text as an empty cell (dti keeps no cell for it).
  if (ref?.[0] === 's' && ref[1] === '') ref = undefined;
  if (dti === undefined || ref === undefined) return dti === undefined && ref === undefined;
  const [dk, dv] = dti;
  const [rk, rv] = ref;
  if (dk === 'n' && rk === 'n') return sameNumber(dv, rv);
  if (dk === 'b' && rk === 'b') return dv === rv;
  if (dk === 'e' && rk === 'e') return dv === rv;
  if (dk !== 's') return false;
  if (rk === 's') return dv.normalize('NFC') === rv.normalize('NFC');
  if (rk === 'n') {
    // A percentage as dti shows it, against the number behind it.
    const m = /^(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)%$/i.exec(dv);
    return m !== null && sameNumber(Number(m[1]) / 100, rv, 12);
  }
  if (rk === 'd') return dv === isoShape(rv);
  if (rk === 't') return dv === timeShape(rv);
  return false;
}

function sameNumber(a, b, digits = 15) {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Number(a.toPrecision(digits)) === Number(b.toPrecision(digits));
}

/**
 * A reference's date or date-time as dti writes it: rounded to the second, the time left out at
 * midnight. Reference texts look like "2024-03-01", "2024-03-01T10:30:00" or "…T10:30:00.999999".
 */
export function isoShape(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?/.exec(text);
  if (!m) return text;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + Math.round(Number(`0.${frac || '0'}`) * 1000);
  const rounded = new Date(Math.round(ms / 1000) * 1000);
  const iso = rounded.toISOString();
  // Date.UTC maps years 0–99 to 1900–1999; no reference date lands there.
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A reference's time of day ("10:30:00", "10:29:59.999990") rounded to the second. */
export function timeShape(text) {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?/.exec(text);
  if (!m) return text;
  let seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Math.round(Number(`0.${m[4] || '0'}`));
  seconds %= 86_400;
  const p = (n) => String(n).padStart(2, '0');
  return `${p(Math.floor(seconds / 3600))}:${p(Math.floor(seconds / 60) % 60)}:${p(seconds % 60)}`;
}

/** Cells of one reader's result as Map(sheet name (NFC) → Map("r,c" → typed value)). */
export function cellMap(result) {
  const out = new Map();
  for (const s of result?.sheets ?? []) {
    const cells = new Map();
    for (const [r, c, v] of s.cells) cells.set(`${r},${c}`, v);
    out.set(s.name.normalize('NFC'), cells);
  }
  return out;
}

/** "r,c" → "C7". */
export function a1(key) {
  const [r, c] = key.split(',').map(Number);
  let letters = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${r}`;
}
