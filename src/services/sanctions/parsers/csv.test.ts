import { describe, expect, it } from 'vitest';
import { gatewayErrorOf } from '../../../../test/helpers/errors.ts';
import { ofacValue, readCsv } from './csv.ts';

const rejection = gatewayErrorOf;

describe('readCsv', () => {
  it('reads quoted commas, doubled quotes, CRLF records and OFAC’s end-of-file byte', () => {
    const text = '1,"A, B","say ""hi""",-0- \r\n2,plain,"",x\r\n\u001a';
    expect(readCsv(text, 'sdn.csv')).toEqual([
      { line: 1, fields: ['1', 'A, B', 'say "hi"', '-0- '] },
      { line: 2, fields: ['2', 'plain', '', 'x'] },
    ]);
  });

  it('keeps line breaks inside quoted fields and counts lines for the next record', () => {
    const records = readCsv('1,"two\nlines"\n2,x\n', 'f.csv');
    expect(records).toEqual([
      { line: 1, fields: ['1', 'two\nlines'] },
      { line: 3, fields: ['2', 'x'] },
    ]);
  });

  it('skips blank lines and reads a last record without a line break', () => {
    expect(readCsv('1,a\n\n2,b', 'f.csv').map((record) => record.line)).toEqual([1, 3]);
  });

  it('refuses a quoted field that never closes (a cut file), naming the line it starts on', () => {
    const error = rejection(() => readCsv('1,"a"\n2,"cut off here', 'sdn.csv'));
    expect(error.code).toBe('sanctions_file_invalid');
    expect(error.details).toMatchObject({ reason: 'csv_unterminated_quote', file: 'sdn.csv', line: 2 });
    expect(error.message).toContain('sdn.csv, line 2');
  });

  it('refuses text after a closing quote and a quote inside an unquoted field', () => {
    expect(rejection(() => readCsv('1,"a"b\n', 'alt.csv')).details).toMatchObject({
      reason: 'csv_stray_quote',
      line: 1,
    });
    expect(rejection(() => readCsv('1,a\n2,a"b\n', 'alt.csv')).details).toMatchObject({
      reason: 'csv_stray_quote',
      line: 2,
    });
  });
});

describe('ofacValue', () => {
  it('reads -0- (with or without its trailing space) as empty', () => {
    expect(ofacValue('-0- ')).toBe('');
    expect(ofacValue('-0-')).toBe('');
    expect(ofacValue(' CUBA ')).toBe('CUBA');
    expect(ofacValue(undefined)).toBe('');
  });
});
