import { refAt } from './references.js';

// ---------------------------------------------------------------------------------------------
// XML scanning.
//
// A hand-written pull tokenizer rather than saxes: the parts of a workbook are machine-written
// XML of a very regular shape (OOXML allows no DTD; entities are the five predefined ones and
// character references), and this scanner jumps between tags with indexOf, hands out names and
// attributes as bounds in the source string (compared in place, no substring per tag) and makes
// strings only for the values kept. Measured on a 100-row workbook (11 columns, 51 KB of sheet
// and shared-strings XML): saxes with empty handlers takes ~410 µs to parse that XML, as long
// as this whole reader end to end (~470 µs: ~145 µs in fflate, the rest scanning and building
// cells); inflating the same two parts with node:zlib takes ~36 µs.
// It strips namespace prefixes (some producers write <x:c>), skips comments, processing
// instructions and declarations (never expanding entities, so no billion laughs), and passes
// CDATA through as text.

export const TOK_END = 0;
export const TOK_OPEN = 1;
export const TOK_CLOSE = 2;
export const TOK_TEXT = 3;

export class XmlScanner {
  private pos = 0;
  /** Bounds of the local name (prefix stripped) of the last open or close tag. */
  private nameStart = 0;
  private nameEnd = 0;
  /**
   * Where the last open tag ends ('>'), or -1 while not yet known: the end is found lazily, by
   * nextAttr() as it reads the attributes or by a quote-aware scan, so attributes are read once.
   */
  private tagEnd = 0;
  private closesItself = false;
  /** The last text token: bounds in the source, and whether it was CDATA (taken as is). */
  private textStart = 0;
  private textEnd = 0;
  private cdata = false;
  /** Attributes of the last open tag, and the one nextAttr() is on. */
  private attrStart = 0;
  private attrEnd = 0;
  private attrPos = 0;
  private attrNameStart = 0;
  private attrNameEnd = 0;
  /** Whether the current attribute had a prefix (r:id has one, r="A1" has none). */
  attrPrefixed = false;
  private valueStart = 0;
  private valueEnd = 0;

  constructor(readonly s: string) {}

  next(): number {
    if (this.tagEnd < 0) this.findTagEnd();
    const s = this.s;
    const len = s.length;
    let p = this.pos;
    for (;;) {
      if (p >= len) {
        this.pos = len;
        return TOK_END;
      }
      if (s.charCodeAt(p) !== 60 /* < */) {
        let q = s.indexOf('<', p);
        if (q < 0) q = len;
        this.textStart = p;
        this.textEnd = q;
        this.cdata = false;
        this.pos = q;
        return TOK_TEXT;
      }
      const c1 = s.charCodeAt(p + 1);
      if (c1 === 47 /* / */) {
        const q = s.indexOf('>', p + 2);
        if (q < 0) {
          this.pos = len;
          return TOK_END;
        }
        let end = q;
        while (end > p + 2 && isSpace(s.charCodeAt(end - 1))) end--;
        this.setName(p + 2, end);
        this.pos = q + 1;
        return TOK_CLOSE;
      }
      if (c1 === 63 /* ? */) {
        const q = s.indexOf('?>', p + 2);
        p = q < 0 ? len : q + 2;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (s.startsWith('<!--', p)) {
          const q = s.indexOf('-->', p + 4);
          p = q < 0 ? len : q + 3;
          continue;
        }
        if (s.startsWith('<![CDATA[', p)) {
          const q = s.indexOf(']]>', p + 9);
          this.textStart = p + 9;
          this.textEnd = q < 0 ? len : q;
          this.cdata = true;
          this.pos = q < 0 ? len : q + 3;
          return TOK_TEXT;
        }
        // A declaration (DOCTYPE): skipped whole, internal subset included; nothing in it is used.
        const bracket = s.indexOf('[', p);
        const close = s.indexOf('>', p);
        const q = bracket >= 0 && bracket < close ? s.indexOf(']>', bracket) : close;
        p = q < 0 ? len : s.indexOf('>', q) + 1 || len;
        continue;
      }
      // An open tag: its name now; its attributes and end when asked for (see tagEnd).
      let i = p + 1;
      for (; i < len; i++) {
        const ch = s.charCodeAt(i);
        if (ch === 62 || ch === 47 || isSpace(ch)) break;
      }
      this.setName(p + 1, i);
      this.attrStart = i;
      this.attrPos = i;
      this.tagEnd = -1;
      return TOK_OPEN;
    }
  }

  /** Whether the last open tag was written <a/>. */
  get selfClosing(): boolean {
    if (this.tagEnd < 0) this.findTagEnd();
    return this.closesItself;
  }

  /** The '>' ending the open tag, not one inside a quoted value, scanned from the attribute read last. */
  private findTagEnd(): void {
    const s = this.s;
    const len = s.length;
    let quote = 0;
    let i = this.attrPos;
    for (; i < len; i++) {
      const ch = s.charCodeAt(i);
      if (quote !== 0) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) break;
    }
    this.endTagAt(i);
  }

  private endTagAt(gt: number): void {
    this.tagEnd = gt;
    this.closesItself = gt < this.s.length && this.s.charCodeAt(gt - 1) === 47;
    this.attrEnd = this.closesItself ? gt - 1 : gt;
    this.pos = Math.min(gt + 1, this.s.length);
  }

  private setName(start: number, end: number): void {
    const s = this.s;
    let from = start;
    for (let i = start; i < end; i++) if (s.charCodeAt(i) === 58 /* : */) from = i + 1;
    this.nameStart = from;
    this.nameEnd = end;
  }

  /** The local name of the last tag (allocates; the sheet loop uses nameIs and the char helpers). */
  get name(): string {
    return this.s.slice(this.nameStart, this.nameEnd);
  }

  nameIs(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.s.startsWith(name, this.nameStart);
  }

  get nameLength(): number {
    return this.nameEnd - this.nameStart;
  }

  nameChar(i: number): number {
    return this.s.charCodeAt(this.nameStart + i);
  }

  /** The text of the last text token, entities decoded (CDATA as is). */
  text(): string {
    const raw = this.s.slice(this.textStart, this.textEnd);
    return this.cdata ? raw : decodeEntities(raw);
  }

  /**
   * The common shape of a cell's content, `<v>text</v></c>`, read in one step right after the
   * cell's open tag: returns the decoded text and moves past </c>; undefined (nothing consumed)
   * for any other shape, which the caller then reads token by token.
   */
  valueThenClose(): string | undefined {
    const s = this.s;
    const p = this.pos;
    if (!s.startsWith('<v>', p)) return undefined;
    const end = s.indexOf('<', p + 3);
    if (end < 0 || !s.startsWith('</v></c>', end)) return undefined;
    this.pos = end + 8;
    return decodeEntities(s.slice(p + 3, end));
  }

  /** Moves to the next attribute of the last open tag; false when there is none left. */
  nextAttr(): boolean {
    const s = this.s;
    // Once the tag's end is known, attributes stop there; before, they stop at '>' or '/>'.
    const end = this.tagEnd < 0 ? s.length : this.attrEnd;
    let i = this.attrPos;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    const first = s.charCodeAt(i);
    if (i >= end || first === 62 /* > */ || first === 47 /* / */) {
      this.attrPos = i;
      if (this.tagEnd < 0) this.findTagEnd();
      return false;
    }
    let nameStart = i;
    let prefixed = false;
    for (; i < end; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 61 /* = */ || ch === 62 || ch === 47 || isSpace(ch)) break;
      if (ch === 58 /* : */) {
        prefixed = true;
        nameStart = i + 1;
      }
    }
    this.attrNameStart = nameStart;
    this.attrNameEnd = i;
    this.attrPrefixed = prefixed;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    const eq = s.charCodeAt(i);
    if (eq === 61) i++;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    const quote = s.charCodeAt(i);
    const valueEnd = eq === 61 && (quote === 34 || quote === 39) ? s.indexOf(quote === 34 ? '"' : "'", i + 1) : -1;
    if (valueEnd < 0 || valueEnd > end) {
      // Malformed: no more attributes; the tag ends at the next '>'.
      this.attrPos = i;
      if (this.tagEnd < 0) this.findTagEnd();
      this.attrPos = this.attrEnd;
      return false;
    }
    this.valueStart = i + 1;
    this.valueEnd = valueEnd;
    this.attrPos = valueEnd + 1;
    return true;
  }

  get attrNameLength(): number {
    return this.attrNameEnd - this.attrNameStart;
  }

  attrChar(i: number): number {
    return this.s.charCodeAt(this.attrNameStart + i);
  }

  attrIs(name: string): boolean {
    return this.attrNameEnd - this.attrNameStart === name.length && this.s.startsWith(name, this.attrNameStart);
  }

  /** The current attribute's value, entities decoded. */
  value(): string {
    return decodeEntities(this.s.slice(this.valueStart, this.valueEnd));
  }

  /** The current attribute's value as a non-negative integer, -1 when it is not one. */
  valueInt(): number {
    const s = this.s;
    let n = 0;
    if (this.valueEnd === this.valueStart) return -1;
    for (let i = this.valueStart; i < this.valueEnd; i++) {
      const ch = s.charCodeAt(i);
      if (ch < 48 || ch > 57) return -1;
      n = n * 10 + (ch - 48);
    }
    return n;
  }

  valueLength(): number {
    return this.valueEnd - this.valueStart;
  }

  valueChar(i: number): number {
    return this.s.charCodeAt(this.valueStart + i);
  }

  /** The current attribute's value read as an A1 reference ("C7", "$C$7"), into `at`; false when it is not one. */
  valueRef(at: { row: number; column: number }): boolean {
    return refAt(this.s, this.valueStart, this.valueEnd, at);
  }

  /** One unprefixed attribute of the last open tag, decoded. */
  attr(wanted: string): string | undefined {
    this.attrPos = this.attrStart;
    while (this.nextAttr()) if (!this.attrPrefixed && this.attrIs(wanted)) return this.value();
    return undefined;
  }
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) !== 35 /* # */) return NAMED_ENTITIES[body] ?? whole;
    const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Office's escapes for characters XML cannot carry: _x000D_ is a CR, _x005F_ a literal underscore. */
const OFFICE_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

const NOT_SURELY_NFC = /[^\u0000-\u02ff\u1e00-\u1eff\u2010-\u20cf]/;

/** Cell text as users typed it: Office escapes decoded, NFC; NBSPs and spacing kept as they are. */
export function cleanCellText(s: string): string {
  const unescaped = s.indexOf('_x') < 0 ? s : s.replace(OFFICE_ESCAPE, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  // Text made only of characters that are NFC on their own and never combine (Latin up to U+02FF,
  // the precomposed Vietnamese letters U+1E00–U+1EFF, punctuation and currency signs such as ₫)
  // is NFC already: checked over every pair of them; most cells skip the normalize call.
  return NOT_SURELY_NFC.test(unescaped) ? unescaped.normalize('NFC') : unescaped;
}

/** Parts are UTF-8, or UTF-16 with a byte order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
