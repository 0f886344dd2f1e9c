import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './logger.ts';

describe('logger', () => {
  it('writes one JSON line per record, filtered by level', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line), { service: 'pontis' });
    logger.debug('hidden');
    logger.info('request', { status: 201, amountMinor: 5n });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'info',
      msg: 'request',
      service: 'pontis',
      status: 201,
      amountMinor: '5',
    });
  });

  it('redacts personal data and secrets at any depth', () => {
    expect(
      redact({
        Authorization: 'Bearer x',
        payer: { name: 'Li Wei', birth_date: '1950-01-01', country: 'DE' },
        items: [{ iban: 'DE89' }],
      }),
    ).toEqual({
      Authorization: '[redacted]',
      payer: { name: '[redacted]', birth_date: '[redacted]', country: 'DE' },
      items: [{ iban: '[redacted]' }],
    });
  });
});
