import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  cnResidentIdentityNumber,
  validateResidentIdentityNumber,
} from './resident-identity-number.ts';

describe('CN resident identity number (GB 11643-1999)', () => {
  it('accepts the examples of the standard', () => {
    expect(validateResidentIdentityNumber('11010519491231002X')).toEqual({
      valid: true,
      normalized: '11010519491231002X',
    });
    expect(validateResidentIdentityNumber('440524188001010014').valid).toBe(false); // born 1880: before 1900
    expect(checkCharacter('44052418800101001')).toBe('4');
    expect(validateResidentIdentityNumber('11010519491231002x').valid).toBe(true);
  });

  it('says which rule failed', () => {
    expect(validateResidentIdentityNumber('110105194912310021')).toMatchObject({
      valid: false,
      rule: 'checksum',
    });
    expect(validateResidentIdentityNumber('110105194913310021')).toMatchObject({
      valid: false,
      rule: 'date',
    });
    expect(validateResidentIdentityNumber('11010519491231002')).toMatchObject({
      valid: false,
      rule: 'format',
    });
    expect(validateResidentIdentityNumber('01010519491231002X')).toMatchObject({
      valid: false,
      rule: 'format',
    });
  });

  it('rejects birth dates in the future', () => {
    const body = `110105${new Date().getUTCFullYear() + 1}0101001`;
    expect(validateResidentIdentityNumber(body + checkCharacter(body))).toMatchObject({
      valid: false,
      rule: 'date',
    });
  });
});

describe('cnResidentIdentityNumber scheme', () => {
  it('declares the scheme and validates with validateResidentIdentityNumber', () => {
    expect(cnResidentIdentityNumber).toMatchObject({
      id: 'cn-resident-identity-number',
      personal: true,
      kind: 'person',
    });
    expect(cnResidentIdentityNumber.validate).toBe(validateResidentIdentityNumber);
  });

  it('accepts its valid examples and refuses its invalid ones without echoing them', () => {
    for (const example of cnResidentIdentityNumber.examples.valid) {
      expect(cnResidentIdentityNumber.validate(example).valid, example).toBe(true);
    }
    for (const example of cnResidentIdentityNumber.examples.invalid) {
      const result = cnResidentIdentityNumber.validate(example);
      expect(result.valid, example).toBe(false);
      if (!result.valid && example.length > 0) expect(result.message).not.toContain(example);
    }
  });
});
