/**
 * Prefixed, time-ordered identifiers: `<prefix>_<26 Crockford base32 characters>` (a ULID).
 *
 * The first 10 characters encode the creation time in milliseconds, so identifiers sort by
 * creation and serve as pagination cursors; the other 16 are random (80 bits). Within one
 * millisecond a process increments the random part, so its own identifiers stay strictly ordered.
 */

export const ID_PREFIXES = {
  quote: 'qt',
  transfer: 'tr',
  journal: 'jn',
  audit: 'ev',
  rateImport: 'fi',
  manualRate: 'mr',
  partnerKey: 'pk',
  trustAnchor: 'ta',
  verifiedMessage: 'vm',
  callback: 'cb',
  dataSubject: 'ds',
  consent: 'cs',
  purgeRun: 'pr',
  sanctionsVersion: 'slv',
  sanctionsImport: 'sli',
  screeningResult: 'scr',
  screeningRun: 'srn',
  suppression: 'sup',
  ruleSet: 'aml',
  amlDecision: 'amd',
  lifeCertificate: 'lc',
  deathReport: 'dr',
  complianceCase: 'case',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_BYTES = 10;

let lastTime = -1;
let lastRandom: Uint8Array = new Uint8Array(RANDOM_BYTES);

function encode(value: bigint, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i += 1) {
    out = ALPHABET[Number(rest & 31n)] + out;
    rest >>= 5n;
  }
  return out;
}

function incrementRandom(bytes: Uint8Array): Uint8Array {
  const next = bytes.slice();
  for (let i = next.length - 1; i >= 0; i -= 1) {
    const byte = next[i] ?? 0;
    if (byte < 255) {
      next[i] = byte + 1;
      return next;
    }
    next[i] = 0;
  }
  // 2^80 identifiers in one millisecond: wrap into fresh randomness rather than repeat.
  return crypto.getRandomValues(new Uint8Array(RANDOM_BYTES));
}

/** A bare ULID for the given time. */
export function ulid(now: number = Date.now()): string {
  if (now <= lastTime) {
    lastRandom = incrementRandom(lastRandom);
  } else {
    lastTime = now;
    lastRandom = crypto.getRandomValues(new Uint8Array(RANDOM_BYTES));
  }
  let random = 0n;
  for (const byte of lastRandom) random = (random << 8n) | BigInt(byte);
  return encode(BigInt(Math.max(now, lastTime)), 10) + encode(random, 16);
}

export function newId(kind: IdKind, now?: number): string {
  return `${ID_PREFIXES[kind]}_${ulid(now)}`;
}

const ID_PATTERN = /^[a-z]{2,4}_[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `value` has the shape of an identifier of the given kind. */
export function isId(kind: IdKind, value: string): boolean {
  return ID_PATTERN.test(value) && value.startsWith(`${ID_PREFIXES[kind]}_`);
}

/** The creation time encoded in an identifier. */
export function idTime(id: string): Date {
  const body = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11);
  let ms = 0n;
  for (const char of body) ms = (ms << 5n) | BigInt(ALPHABET.indexOf(char));
  return new Date(Number(ms));
}
