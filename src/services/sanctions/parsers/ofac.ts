/**
 * The OFAC Specially Designated Nationals list in OFAC's legacy CSV set: `sdn.csv` (one row per
 * entry), `alt.csv` (aliases), `add.csv` (addresses) and `sdn_comments.csv` (Remarks too long for
 * sdn.csv, continued). Files are Latin-1; callers decode them (`decodeLatin1`) before parsing.
 */
import type {
  EntityType,
  ListedName,
  ParsedSanctionsList,
  SanctionsEntry,
} from '../../../ports/sanctions.ts';
import { EntryBuilder, finishList, rejectFile } from './common.ts';
import { countryCode } from './countries.ts';
import { type CsvRecord, ofacValue, readCsv } from './csv.ts';
import { applyOfacRemarks } from './ofac-remarks.ts';

export interface OfacFiles {
  sdn: string;
  alt?: string | undefined;
  add?: string | undefined;
  comments?: string | undefined;
}

/** The publisher's file names, in the order their bytes are hashed. */
export const OFAC_FILE_NAMES = {
  sdn: 'sdn.csv',
  alt: 'alt.csv',
  add: 'add.csv',
  comments: 'sdn_comments.csv',
} as const;

const SDN_COLUMNS = 12;
const ALT_COLUMNS = 5;
const ADD_COLUMNS = 6;
const COMMENT_COLUMNS = 2;

const TYPES: Record<string, EntityType> = {
  '': 'organization',
  individual: 'person',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** Decodes OFAC's Latin-1 bytes (every byte is a character, so decoding cannot fail). */
export function decodeLatin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

function rows(text: string, file: string, columns: number): CsvRecord[] {
  const records = readCsv(text, file);
  for (const record of records) {
    if (record.fields.length !== columns) {
      throw rejectFile(
        'column_count',
        `expected ${columns} columns, found ${record.fields.length} (a broken or cut row, or not an OFAC ${file})`,
        { file, line: record.line },
      );
    }
    if (!/^\d+$/.test(record.fields[0]?.trim() ?? '')) {
      throw rejectFile('id_invalid', 'the first column (ent_num) is not a number', {
        file,
        line: record.line,
      });
    }
  }
  return records;
}

/** `LAST, First` → family and given name, as OFAC writes individuals. */
function personName(full: string, kind: ListedName['kind']): ListedName {
  const comma = full.indexOf(', ');
  if (comma < 0) return { full, kind };
  return { full, kind, family: full.slice(0, comma), given: full.slice(comma + 2) };
}

function entryFor(byId: Map<string, EntryBuilder>, record: CsvRecord, file: string): EntryBuilder {
  const id = record.fields[0]?.trim() ?? '';
  const entry = byId.get(id);
  if (!entry) {
    throw rejectFile(
      'unknown_entry',
      'refers to an ent_num that sdn.csv does not list (files of different dates?)',
      {
        file,
        line: record.line,
        entry: id,
      },
    );
  }
  return entry;
}

/** Parses the OFAC CSV set into entries; `sdn` is required, the others add to it. */
export function parseOfac(files: OfacFiles): ParsedSanctionsList {
  const sdnFile = OFAC_FILE_NAMES.sdn;
  if (files.sdn.trim() === '') throw rejectFile('empty_file', 'the file is empty', { file: sdnFile });
  const byId = new Map<string, EntryBuilder>();
  const remarks = new Map<string, string>();

  for (const record of rows(files.sdn, sdnFile, SDN_COLUMNS)) {
    const [ent, name, sdnType, program, , callSign, , , , flag, , remark] = record.fields;
    const id = (ent ?? '').trim();
    const type = TYPES[ofacValue(sdnType).toLowerCase()];
    if (!type) {
      throw rejectFile('type_invalid', `unknown SDN_Type "${ofacValue(sdnType).slice(0, 20)}"`, {
        file: sdnFile,
        line: record.line,
        entry: id,
      });
    }
    if (byId.has(id))
      throw rejectFile('duplicate_id', 'the same ent_num is listed twice', {
        file: sdnFile,
        line: record.line,
        entry: id,
      });
    const fullName = ofacValue(name);
    if (!fullName)
      throw rejectFile('name_missing', 'SDN_Name is empty', { file: sdnFile, line: record.line, entry: id });
    const entry = new EntryBuilder('ofac', id, type);
    entry.name(type === 'person' ? personName(fullName, 'primary') : { full: fullName, kind: 'primary' });
    // Several programmes are written "SDGT] [IRGC" (the brackets of the XML edition, half kept).
    for (const part of ofacValue(program).split(/\]\s*\[/)) entry.program(part.replace(/[[\]]/g, ''));
    if (ofacValue(callSign)) entry.identifier('Call Sign', ofacValue(callSign));
    entry.country(countryCode(ofacValue(flag)), 'registration');
    byId.set(id, entry);
    remarks.set(id, ofacValue(remark));
  }

  if (files.comments) {
    for (const record of rows(files.comments, OFAC_FILE_NAMES.comments, COMMENT_COLUMNS)) {
      const entry = entryFor(byId, record, OFAC_FILE_NAMES.comments);
      // The continuation starts where sdn.csv cut the text, often mid-word: joined as is.
      remarks.set(entry.id, (remarks.get(entry.id) ?? '') + ofacValue(record.fields[1]));
    }
  }

  if (files.alt) {
    for (const record of rows(files.alt, OFAC_FILE_NAMES.alt, ALT_COLUMNS)) {
      const entry = entryFor(byId, record, OFAC_FILE_NAMES.alt);
      const [, , altType, altName, altRemarks] = record.fields;
      const full = ofacValue(altName);
      if (!full) continue;
      const type = ofacValue(altType).toLowerCase();
      const kind: ListedName['kind'] = type === 'fka' ? 'fka' : type === 'nka' ? 'nka' : 'aka';
      const name = entry.type === 'person' ? personName(full, kind) : { full, kind };
      name.quality = /weak|low/i.test(ofacValue(altRemarks)) ? 'weak' : 'strong';
      entry.name(name);
    }
  }

  if (files.add) {
    for (const record of rows(files.add, OFAC_FILE_NAMES.add, ADD_COLUMNS)) {
      const entry = entryFor(byId, record, OFAC_FILE_NAMES.add);
      entry.country(countryCode(ofacValue(record.fields[4])), 'address');
    }
  }

  const entries: SanctionsEntry[] = [];
  for (const entry of byId.values()) {
    const text = remarks.get(entry.id) ?? '';
    applyOfacRemarks(text, entry);
    entry.remarks = text;
    entries.push(entry.build());
  }
  return finishList('ofac', sdnFile, entries);
}
