import { describe, expect, it } from 'vitest';
import { type KeyKind, listedKeys, queryKeys } from './keys.ts';
import { normaliseName } from './normalise.ts';
import { nameUnits, type UnitContent } from './units.ts';

function units(name: string): UnitContent[] {
  return nameUnits(normaliseName(name)).map((unit) => unit.content);
}

function keysOf(unit: UnitContent, collect: typeof listedKeys): Set<string> {
  const keys = new Set<string>();
  collect(unit, (kind: KeyKind, key: string) => keys.add(`${kind}:${key}`));
  return keys;
}

const listed = (unit: UnitContent) => keysOf(unit, listedKeys);
const query = (unit: UnitContent) => keysOf(unit, (u, sink) => queryKeys(u, 'full', sink));
const meet = (a: Set<string>, b: Set<string>) => [...a].some((key) => b.has(key));

describe('keys', () => {
  it('let a typo on either side meet: one deletion each covers a substitution', () => {
    const [stored] = units('Baghdadi');
    const [typed] = units('Baghdabi');
    expect(meet(listed(stored as UnitContent), query(typed as UnitContent))).toBe(true);
  });

  it('give short joins typo keys (joined syllables), not long ones', () => {
    const join = (name: string) => units(name).find((unit) => unit.joined) as UnitContent;
    const deletions = (unit: UnitContent) => [...listed(unit)].filter((key) => key.startsWith('deletion:'));
    expect(deletions(join('Jong Man')).length).toBeGreaterThan(0);
    expect(deletions(join('Gohari Moghadam'))).toEqual([]);
    const [oneWord] = units("Cho'ngman");
    expect(meet(listed(join('Jong Man')), query(oneWord as UnitContent))).toBe(true);
  });

  it('store an initial under no key (it pairs by its letter when a name is scored)', () => {
    const [initial] = units('M');
    expect(listed(initial as UnitContent).size).toBe(0);
  });
});
