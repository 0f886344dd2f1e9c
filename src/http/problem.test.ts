import { describe, expect, it } from 'vitest';
import { GatewayError } from '../core/errors.ts';
import { toGatewayError } from './problem.ts';

describe('toGatewayError', () => {
  const codeOf = (error: unknown) => toGatewayError(error).code;

  it('keeps gateway errors and maps database failures by SQLSTATE or driver code', () => {
    expect(codeOf(new GatewayError('quote_used'))).toBe('quote_used');
    expect(codeOf(Object.assign(new Error('x'), { code: '08006' }))).toBe('service_unavailable');
    expect(codeOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('service_unavailable');
    expect(codeOf(Object.assign(new Error('x'), { code: '40001' }))).toBe('service_unavailable');
    expect(
      codeOf(Object.assign(new Error('x'), { code: '23514', constraint_name: 'postings_journal_balanced' })),
    ).toBe('ledger_unbalanced');
    expect(codeOf(Object.assign(new Error('x'), { code: '23505' }))).toBe('internal_error');
  });

  it('recognises socket failures without a code, wrapped or not (workerd)', () => {
    const socket = new Error('proxy request failed, cannot connect to the specified address');
    expect(codeOf(socket)).toBe('service_unavailable');
    expect(
      codeOf(new Error('Failed query: select 1', { cause: new Error('Network connection lost.') })),
    ).toBe('service_unavailable');
    expect(toGatewayError(socket).headers).toEqual({ 'Retry-After': '1' });
    expect(codeOf(new Error('something else broke'))).toBe('internal_error');
    expect(codeOf('a string')).toBe('internal_error');
  });
});
