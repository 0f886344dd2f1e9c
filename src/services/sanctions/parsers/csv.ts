/**
 * A strict RFC 4180 reader for OFAC's legacy CSV files: quoted fields may hold commas, doubled
 * quotes and line breaks; records end with CRLF or LF; OFAC's trailing end-of-file byte (0x1A) is
 * ignored. An unterminated quoted field (a cut file) or a quote inside an unquoted field is an
 * error naming the line, never a guess.
 */
import { rejectFile } from './common.ts';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

const END_OF_FILE = String.fromCharCode(0x1a);

/** OFAC ends its files with a DOS end-of-file marker (0x1A), possibly followed by white space. */
function withoutEndOfFileMarker(text: string): string {
  let end = text.trimEnd().length;
  while (end > 0 && text[end - 1] === END_OF_FILE) end -= 1;
  return text.slice(0, end);
}

/** Every record of `text`; blank lines are skipped. */
export function readCsv(text: string, file: string): CsvRecord[] {
  const body = withoutEndOfFileMarker(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let fieldStarted = false;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < body.length) {
    const code = body.charCodeAt(i);
    if (code === QUOTE && !fieldStarted && field === '') {
      // Quoted field: read to the closing quote, doubling quotes as escapes.
      const startLine = line;
      i += 1;
      for (;;) {
        const close = body.indexOf('"', i);
        if (close < 0) {
          throw rejectFile(
            'csv_unterminated_quote',
            'a quoted field is not closed (the file may be cut short)',
            {
              file,
              line: startLine,
            },
          );
        }
        const chunk = body.slice(i, close);
        for (let at = chunk.indexOf('\n'); at >= 0; at = chunk.indexOf('\n', at + 1)) line += 1;
        field += chunk;
        if (body.charCodeAt(close + 1) === QUOTE) {
          field += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fieldStarted = true;
      const next = body.charCodeAt(i);
      if (i < body.length && next !== COMMA && next !== CR && next !== LF) {
        throw rejectFile('csv_stray_quote', 'text follows a closing quote', { file, line });
      }
      continue;
    }
    if (code === COMMA) {
      endField();
      i += 1;
      continue;
    }
    if (code === CR || code === LF) {
      endRecord();
      i += code === CR && body.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (code === QUOTE)
      throw rejectFile('csv_stray_quote', 'a quote inside an unquoted field', { file, line });
    // Unquoted text up to the next delimiter, in one slice.
    let end = i + 1;
    while (end < body.length) {
      const c = body.charCodeAt(end);
      if (c === COMMA || c === CR || c === LF || c === QUOTE) break;
      end += 1;
    }
    field += body.slice(i, end);
    fieldStarted = true;
    i = end;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** A field value with OFAC's empty marker (`-0-`, often with a trailing space) read as empty. */
export function ofacValue(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  return value === '-0-' ? '' : value;
}
