/**
 * The keys of the inverted index that find candidate tokens without comparing against all of them:
 * the phonetic form (`phonetic`), its one-symbol deletions (`deletion`, for typos: a deletion on
 * either or both sides covers an insertion, a deletion or a substitution), the consonant skeleton
 * (`skeleton`, for vowel and Arabic differences) and its deletions (`skeletonDeletion`), and for
 * Arabic script its letters (`arabic`). Listed units store some kinds and queries look up others,
 * so that each pair of kinds meets. Keys are reported through a callback, kind by kind, so that
 * building the index makes no array or prefixed string per key.
 */
import { arabicSkeletons } from './arabic.ts';
import { skeleton } from './phonetic.ts';
import type { UnitContent } from './units.ts';

export const KEY_KINDS = ['phonetic', 'deletion', 'skeleton', 'skeletonDeletion', 'arabic'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];
export type KeySink = (kind: KeyKind, key: string) => void;

/** Typo keys only for forms long enough that one edit leaves them recognisable. */
const MIN_DELETION_LENGTH = 4;
const MIN_SKELETON_DELETION_LENGTH = 4;

function eachDeletion(value: string, kind: KeyKind, sink: KeySink): void {
  for (let i = 0; i < value.length; i += 1) {
    // A doubled symbol gives the same deletion twice; once is enough.
    if (i > 0 && value[i] === value[i - 1]) continue;
    sink(kind, value.slice(0, i) + value.slice(i + 1));
  }
}

/**
 * Skeletons as keys, with kh read as h: transliterations disagree on it (Cyrillic х is kh, the
 * Arabic ح it often writes is h: Мухаммад, Muhammad), so the keys must not tell them apart; the
 * similarity still does, at a small cost.
 */
function skeletonKey(value: string): string {
  return value.replace(/X/g, 'h');
}

function skeletonsOf(unit: UnitContent): string[] {
  if (unit.arabic) return [...new Set(arabicSkeletons(unit.arabic).map(skeletonKey))];
  const out: string[] = [];
  for (const form of unit.latin) {
    const value = skeletonKey(skeleton(form.phonetic));
    if (value !== '' && !out.includes(value)) out.push(value);
  }
  return out;
}

/**
 * Joins of this phonetic length or less get typo keys too: joined syllables (Jong Man, written
 * Cho'ng-man in another romanisation) differ from a query word by a substitution, which only
 * deletions on both sides find.
 */
const MAX_JOIN_DELETION_LENGTH = 8;

/**
 * Keys a listed unit is stored under. Longer joins are found by their phonetic form and skeleton
 * only: typo keys for every pair of names would double the index for little gain.
 */
export function listedKeys(unit: UnitContent, sink: KeySink): void {
  if (unit.initial) return;
  if (unit.arabicText !== undefined) sink('arabic', unit.arabicText);
  for (const form of unit.latin) {
    sink('phonetic', form.phonetic);
    const typoKeys = !unit.joined || form.phonetic.length <= MAX_JOIN_DELETION_LENGTH;
    if (typoKeys && form.phonetic.length >= MIN_DELETION_LENGTH)
      eachDeletion(form.phonetic, 'deletion', sink);
  }
  for (const value of skeletonsOf(unit)) {
    sink('skeleton', value);
    if (!unit.joined && value.length >= MIN_SKELETON_DELETION_LENGTH)
      eachDeletion(value, 'skeletonDeletion', sink);
  }
}

/**
 * How widely a query unit looks: `exact` only its own spelling (titles and particles pair only when
 * equal, and other units settle their exact pairs this way), `near` its phonetic form and skeleton
 * against the listed ones and their deletions, `full` also its own deletions (the names a search
 * is about).
 */
export type KeyBreadth = 'exact' | 'near' | 'full';

/** Keys a query unit looks up (the same key may be reported twice). */
export function queryKeys(unit: UnitContent, breadth: KeyBreadth, sink: KeySink): void {
  if (unit.initial) return;
  if (unit.arabicText !== undefined) sink('arabic', unit.arabicText);
  for (const form of unit.latin) {
    sink('phonetic', form.phonetic);
    if (unit.joined || breadth === 'exact') continue;
    sink('deletion', form.phonetic);
    if (breadth === 'full' && form.phonetic.length >= MIN_DELETION_LENGTH) {
      eachDeletion(form.phonetic, 'phonetic', sink);
      eachDeletion(form.phonetic, 'deletion', sink);
    }
  }
  if (breadth === 'exact') return;
  skeletonsOf(unit).forEach((value, i) => {
    sink('skeleton', value);
    sink('skeletonDeletion', value);
    // An Arabic word has several skeletons already; its deletions are looked up for the first only.
    if (breadth === 'full' && (i === 0 || !unit.arabic) && value.length >= MIN_SKELETON_DELETION_LENGTH) {
      eachDeletion(value, 'skeleton', sink);
    }
  });
}
