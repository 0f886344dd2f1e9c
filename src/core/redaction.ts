/**
 * Redaction: keeps personal data out of log lines and problem bodies, whatever a caller, a
 * validator or a refusal message echoes.
 *
 * Two layers:
 * - known values: the personal values a request carried (`collectPersonalValues`, read once per
 *   request from a clone of its body) are replaced wherever they appear — raw, JSON-escaped,
 *   `\u`-escaped, double-encoded or URL-encoded, in any letter case (`redactText`);
 * - patterns: IBANs (checked with ibantools), e-mail addresses and E.164 phone numbers are replaced
 *   in every line and every problem body, known or not (`redactPatterns`).
 *
 * Pure functions over standard APIs (no Node built-ins): the same code runs on Workers.
 */
import { isValidIBAN } from 'ibantools';
import { GatewayError } from './errors.ts';

export const REDACTED = '[redacted]';

/** Keys of a privacy operation's body whose whole subtree is personal data. */
export const PERSON_FIELD_KEYS: ReadonlySet<string> = new Set([
  'nationalIdentifier',
  'name',
  'birthDate',
  'address',
  'contact',
  'bankAccount',
  'benefit',
  'health',
  // Free text of a rectification ("why the data was wrong"): it quotes the data.
  'reason',
]);

/** The key whose subtree is personal data in any body, at any depth. */
export const INSURED_PERSON_KEY = 'insuredPerson';

/**
 * Operations under these prefixes receive personal data outside an `insuredPerson` object: data-
 * subject requests, names screened against the sanctions lists, officers' free-text reasons and
 * beneficiaries' life events.
 */
export const PRIVACY_PATH_PREFIXES = [
  '/v1/privacy/',
  '/v1/screening/',
  '/v1/compliance/',
  '/v1/beneficiaries/',
];

export function isPrivacyOperation(pathname: string): boolean {
  return PRIVACY_PATH_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** At most this many distinct values are kept per request (a valid person has a few dozen). */
export const MAX_PERSONAL_VALUES = 512;

const MIN_VALUE_LENGTH = 3;
const MIN_WORD_LENGTH = 4;
/** A name in Han, Kana or Hangul identifies a person in two characters (张伟, 山田). */
const MIN_CJK_LENGTH = 2;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;
const WORD_SEPARATORS = /[\s,;/\-\u2010-\u2015]+/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function longEnough(value: string, min: number): boolean {
  let length = 0;
  for (const _ of value) {
    length += 1;
    if (length >= min) return true;
  }
  return length >= MIN_CJK_LENGTH && CJK.test(value);
}

function addLeaf(out: Set<string>, leaf: string | number): void {
  if (typeof leaf === 'number' && !Number.isFinite(leaf)) return;
  const value = String(leaf).trim();
  if (value === '') return;
  if (longEnough(value, MIN_VALUE_LENGTH)) out.add(value);
  const parts = value.split(WORD_SEPARATORS);
  if (parts.length < 2) return;
  for (const part of parts) {
    const word = part.replace(EDGE_PUNCTUATION, '');
    // Only words with a letter: the "1956" of "1956-03-14" or the "12" of a street is no name.
    if (word !== value && LETTER.test(word) && longEnough(word, MIN_WORD_LENGTH)) out.add(word);
  }
}

const byLengthDescending = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

export interface CollectOptions {
  /** A privacy operation: the subtrees of `PERSON_FIELD_KEYS` are personal data too. */
  personFields?: boolean;
}

/**
 * Every string or number leaf under an `insuredPerson` key at any depth (and, for privacy
 * operations, under the person-field keys) of length ≥ 3 after trimming, plus the words (≥ 4
 * characters, with a letter) of multi-word values so that a partial echo is caught. Han, Kana and
 * Hangul values and words count from 2 characters. Longest first, at most `MAX_PERSONAL_VALUES`.
 */
export function collectPersonalValues(body: unknown, options: CollectOptions = {}): string[] {
  const personFields = options.personFields === true;
  const out = new Set<string>();
  // Iterative: a 64 KiB body can nest deeper than the call stack allows.
  const stack: { value: unknown; personal: boolean }[] = [{ value: body, personal: false }];
  while (stack.length > 0 && out.size < MAX_PERSONAL_VALUES) {
    const { value, personal } = stack.pop() as { value: unknown; personal: boolean };
    if (typeof value === 'string' || typeof value === 'number') {
      if (personal) addLeaf(out, value);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1)
        stack.push({ value: value[index], personal });
      continue;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index] as [string, unknown];
      stack.push({
        value: item,
        personal: personal || key === INSURED_PERSON_KEY || (personFields && PERSON_FIELD_KEYS.has(key)),
      });
    }
  }
  return [...out].slice(0, MAX_PERSONAL_VALUES).sort(byLengthDescending);
}

/** A JSON string literal, and the `:` after it when it is a key; for bodies that do not parse. */
const STRING_LITERAL = /"((?:[^"\\\r\n]|\\.){0,2000})"(\s*:)?/g;

/**
 * The personal values of a raw body. A body that is not JSON but names an insured person (or is
 * sent to a privacy operation) gives all its string literals in value position: the structure is
 * unknown, so every one of them may be personal.
 */
export function collectPersonalValuesFromText(text: string, options: CollectOptions = {}): string[] {
  // Most bodies (quotes, …) name no person: skip parsing them a second time. A key spelled with
  // `\u` escapes could still decode to `insuredPerson`, so such bodies are parsed.
  if (options.personFields !== true && !text.includes(INSURED_PERSON_KEY) && !text.includes('\\u')) {
    return [];
  }
  try {
    return collectPersonalValues(JSON.parse(text), options);
  } catch {
    if (options.personFields !== true && !text.includes(INSURED_PERSON_KEY)) return [];
    const out = new Set<string>();
    for (const match of text.matchAll(STRING_LITERAL)) {
      if (out.size >= MAX_PERSONAL_VALUES) break;
      if (match[2] !== undefined) continue;
      const literal = match[1] ?? '';
      let value = literal;
      try {
        value = JSON.parse(`"${literal}"`) as string;
      } catch {
        // Keep the literal as written.
      }
      if (value !== INSURED_PERSON_KEY) addLeaf(out, value);
    }
    return [...out].slice(0, MAX_PERSONAL_VALUES).sort(byLengthDescending);
  }
}

/** Reads at most `maxBytes` of a body; undefined when it is longer. */
async function readBounded(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: a cancelled branch of a tee settles only once the other branch is done too.
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export interface ReadOptions {
  /** The body-size limit: a longer body is refused as `body_too_large`. */
  maxBytes: number;
  /** Whether the request is a privacy operation (see `isPrivacyOperation`). */
  personFields: boolean;
}

/**
 * The personal values of a request with a JSON body (or a body without a content type), read
 * from a clone so that the request's own bytes stay unread and unchanged (partner signatures are
 * verified over them). Throws `body_too_large` when the body is longer than `maxBytes`, whatever
 * its Content-Length said.
 */
export async function readPersonalValues(request: Request, options: ReadOptions): Promise<string[]> {
  if (request.body === null) return [];
  const type = request.headers.get('content-type');
  if (type !== null && !/json/i.test(type)) return [];
  let text: string | undefined;
  try {
    const clone = request.clone().body;
    if (clone === null) return [];
    text = await readBounded(clone, options.maxBytes);
  } catch {
    // An unreadable body fails where the route reads it; there is nothing to collect.
    return [];
  }
  if (text === undefined) {
    throw new GatewayError(
      'body_too_large',
      `The request body is larger than ${Math.round(options.maxBytes / 1024)} KiB.`,
    );
  }
  return collectPersonalValuesFromText(text, { personFields: options.personFields });
}

// --- known values ----------------------------------------------------------------------------

const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const escapeRegExp = (text: string) => text.replace(REGEXP_SYNTAX, '\\$&');
const WHITESPACE = /\s+/gu;
const NON_ASCII = /[\u007f-\uffff]/g;
const COMPACTABLE = /^(?=.*\d)[\p{L}\p{N}+]{6,}$/u;
const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/i;

const jsonEscape = (text: string) => JSON.stringify(text).slice(1, -1);
const asciiEscape = (text: string) =>
  text.replace(NON_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** What `includes` compares: lower case, whitespace runs as one space (the regex takes `\s+`). */
const probeOf = (text: string) => text.toLowerCase().replace(WHITESPACE, ' ');

/** The forms a value takes in text: as is, in JSON (once, twice, `\u`-escaped), in a URL. */
function variantsOf(value: string): Set<string> {
  const forms = new Set([value, value.normalize('NFC'), value.normalize('NFD')]);
  const compact = value.replace(WHITESPACE, '');
  if (compact !== value && COMPACTABLE.test(compact)) forms.add(compact);
  if (IBAN_SHAPE.test(value)) forms.add(value.replace(/(.{4})(?=.)/g, '$1 '));
  for (const form of [...forms]) {
    const json = jsonEscape(form);
    forms.add(json);
    forms.add(asciiEscape(json));
    forms.add(jsonEscape(json));
    forms.add(json.replaceAll('/', '\\/'));
    try {
      const uri = encodeURIComponent(form);
      forms.add(uri);
      forms.add(uri.replaceAll('%20', '+'));
    } catch {
      // A lone surrogate has no URI form.
    }
  }
  return forms;
}

interface Variant {
  probe: string;
  source: string;
}

/** Per values array (one per request): its variants, longest first. */
const variantCache = new WeakMap<readonly string[], Variant[]>();

function variantsFor(values: readonly string[]): Variant[] {
  const cached = variantCache.get(values);
  if (cached) return cached;
  const forms = new Set<string>();
  for (const value of values) {
    if (value.trim() === '') continue;
    for (const form of variantsOf(value.trim())) forms.add(form);
  }
  const variants = [...forms].sort(byLengthDescending).map((form) => ({
    probe: probeOf(form),
    source: form.split(WHITESPACE).map(escapeRegExp).join('\\s+'),
  }));
  variantCache.set(values, variants);
  return variants;
}

/**
 * Replaces every occurrence of every value with `[redacted]`: longest first, letters in any case,
 * any whitespace between words, and the value's JSON-escaped, `\u`-escaped, double-encoded and
 * URL-encoded forms. The replacement has no quote or backslash, so it never breaks a JSON string
 * it lands in (as long as no value matches across a string's quotes; redact parsed strings, not
 * serialised JSON, where validity matters).
 */
export function redactText(text: string, values: readonly string[]): string {
  if (values.length === 0 || text.length === 0) return text;
  const probe = probeOf(text);
  const present = variantsFor(values).filter((variant) => probe.includes(variant.probe));
  if (present.length === 0) return text;
  const pattern = new RegExp(present.map((variant) => variant.source).join('|'), 'giu');
  return text.replace(pattern, REDACTED);
}

// --- patterns --------------------------------------------------------------------------------

/** Cheap gate: no `@`, `+`, `%` and no two letters before two digits means nothing to find. */
const CANDIDATE = /[@+%]|[A-Za-z]{2}\d{2}/;
const EMAIL_HINT = /@|%40/i;
const PHONE_HINT = /\+|%2B/i;
const IBAN_HINT = /[A-Za-z]{2}\d{2}/;
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+(?:@|%40)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;
/** E.164: `+`, a non-zero digit, 6 to 14 more (single spaces allowed between them); or `%2B…`. */
const PHONE = /(?:(?<![\p{L}\p{N}+/_])\+|%2B)[1-9](?: ?\d){6,14}(?!\d)/giu;
const IBAN_COMPACT = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}[A-Z0-9]{11,30}(?![\p{L}\p{N}])/giu;
/** The print form, in groups of four; a word after it may be caught too and is given back. */
const IBAN_SPACED =
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?(?![\p{L}\p{N}])/giu;

const validIban = (candidate: string) => isValidIBAN(candidate.toUpperCase());

function redactSpacedIban(match: string): string {
  const groups = match.split(' ');
  for (let count = groups.length; count >= 3; count -= 1) {
    if (validIban(groups.slice(0, count).join(''))) {
      const rest = groups.slice(count).join(' ');
      return rest === '' ? REDACTED : `${REDACTED} ${rest}`;
    }
  }
  return match;
}

/**
 * Replaces what looks like personal data even when no request named it: valid IBANs (compact or
 * in groups of four), e-mail addresses (also `%40`-encoded) and E.164 phone numbers (also
 * `%2B`-encoded). Timestamps, ids, amounts and dates survive. Cheap when there is nothing to find.
 */
export function redactPatterns(text: string): string {
  if (text.length < 6 || !CANDIDATE.test(text)) return text;
  let out = text;
  if (EMAIL_HINT.test(out)) out = out.replace(EMAIL, REDACTED);
  if (PHONE_HINT.test(out)) out = out.replace(PHONE, REDACTED);
  if (IBAN_HINT.test(out)) {
    out = out.replace(IBAN_SPACED, redactSpacedIban);
    out = out.replace(IBAN_COMPACT, (match) => (validIban(match) ? REDACTED : match));
  }
  return out;
}

/** Known values, then patterns. */
export function redactString(text: string, values: readonly string[]): string {
  return redactPatterns(redactText(text, values));
}

const MAX_DEPTH = 32;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` with every string redacted (`redactString`). Strings under a key in
 * `patternsOnly` (catalogue fields such as a problem's `code`) get the patterns only. Keys are kept
 * as they are: they are the caller's field names, not data.
 */
export function redactDeep<T>(
  value: T,
  values: readonly string[],
  patternsOnly: ReadonlySet<string> = new Set(),
): T {
  const walk = (item: unknown, depth: number, knownValues: boolean): unknown => {
    if (typeof item === 'string') return knownValues ? redactString(item, values) : redactPatterns(item);
    if (item === null || typeof item !== 'object') return item;
    if (depth >= MAX_DEPTH) return REDACTED;
    if (Array.isArray(item)) return item.map((entry) => walk(entry, depth + 1, knownValues));
    if (!isPlainObject(item)) return item;
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(item)) {
      out[key] = walk(entry, depth + 1, knownValues && !patternsOnly.has(key));
    }
    return out;
  };
  return walk(value, 0, true) as T;
}
