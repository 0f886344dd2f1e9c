import { describe, expect, it } from 'vitest';
import { ID_PREFIXES, type IdKind, idTime, isId, newId, ulid } from './ids.ts';

describe('ids', () => {
  it('have a prefix and 26 Crockford base32 characters', () => {
    const id = newId('transfer');
    expect(id).toMatch(/^tr_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(isId('transfer', id)).toBe(true);
    expect(isId('quote', id)).toBe(false);
    expect(isId('transfer', 'tr_123')).toBe(false);
    expect(isId('transfer', `${id}x`)).toBe(false);
  });

  it('recognises every kind, whatever the length of its prefix', () => {
    for (const kind of Object.keys(ID_PREFIXES) as IdKind[]) {
      expect(isId(kind, newId(kind)), kind).toBe(true);
    }
    expect(isId('complianceCase', newId('transfer'))).toBe(false);
  });

  it('sort by creation time, also within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => newId('quote', 1_700_000_000_000));
    const later = newId('quote', 1_700_000_000_001);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(later > (ids.at(-1) ?? '')).toBe(true);
  });

  it('encode their creation time', () => {
    const at = Date.UTC(2099, 10, 23, 12, 0, 0, 123); // after every id made so far: ids never go back in time
    expect(idTime(newId('journal', at)).getTime()).toBe(at);
    expect(ulid(at)).toHaveLength(26);
  });
});
