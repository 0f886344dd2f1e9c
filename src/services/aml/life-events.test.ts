import { describe, expect, it } from 'vitest';
import { latestDateAnywhere } from './life-events.ts';

describe('life-event dates', () => {
  it('are in the future only once no place on Earth has reached them (UTC+14)', () => {
    expect(latestDateAnywhere(new Date('2026-11-23T09:59:59Z'))).toBe('2026-11-23');
    expect(latestDateAnywhere(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-24');
  });
});
