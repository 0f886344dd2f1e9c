/**
 * From a publisher's bytes to a parsed list: decodes each file as its publisher encodes it (OFAC
 * Latin-1, the XML lists UTF-8) and hands it to that list's parser.
 */
import { GatewayError } from '../../../core/errors.ts';
import {
  type ParsedSanctionsList,
  SANCTIONS_SOURCES,
  type SanctionsSource,
} from '../../../ports/sanctions.ts';
import { rejectFile } from './common.ts';
import { EU_FILE_NAME, parseEu } from './eu.ts';
import { decodeLatin1, OFAC_FILE_NAMES, parseOfac } from './ofac.ts';
import { parseUk, UK_FILE_NAME } from './uk.ts';
import { parseUn, UN_FILE_NAME } from './un.ts';

/** OFAC's CSV set by file name (`sdn.csv` required), or the one file of the other lists. */
export type SanctionsFiles = Record<string, Uint8Array> | Uint8Array;

/** The file name each XML list is known by, for messages and for the OFAC-style hash input. */
export const LIST_FILE_NAMES: Record<Exclude<SanctionsSource, 'ofac'>, string> = {
  un: UN_FILE_NAME,
  eu: EU_FILE_NAME,
  uk: UK_FILE_NAME,
};

/** The source named by `value`, or `sanctions_source_unknown`. */
export function sanctionsSource(value: string): SanctionsSource {
  const lower = value.trim().toLowerCase();
  if ((SANCTIONS_SOURCES as readonly string[]).includes(lower)) return lower as SanctionsSource;
  throw new GatewayError(
    'sanctions_source_unknown',
    `unknown sanctions list "${value.slice(0, 20)}"; use one of ${SANCTIONS_SOURCES.join(', ')}`,
    {
      details: { source: value.slice(0, 20), known: [...SANCTIONS_SOURCES] },
    },
  );
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw rejectFile('encoding_invalid', 'the file is not valid UTF-8', { file });
  }
}

/** A single file: the bytes themselves, or the one entry of a one-file record. */
function singleFile(files: SanctionsFiles, file: string): Uint8Array {
  if (files instanceof Uint8Array) return files;
  const values = Object.values(files);
  if (values.length !== 1 || !values[0])
    throw rejectFile('empty_file', 'expected exactly one file', { file });
  return values[0];
}

/** The OFAC set by its publisher names; a bare `Uint8Array` is `sdn.csv` alone. */
export function ofacFileSet(
  files: SanctionsFiles,
): Partial<Record<keyof typeof OFAC_FILE_NAMES, Uint8Array>> {
  if (files instanceof Uint8Array) return { sdn: files };
  const set: Partial<Record<keyof typeof OFAC_FILE_NAMES, Uint8Array>> = {};
  for (const [key, name] of Object.entries(OFAC_FILE_NAMES) as [keyof typeof OFAC_FILE_NAMES, string][]) {
    const bytes = files[name] ?? files[key];
    if (bytes) set[key] = bytes;
  }
  return set;
}

/** Decodes and parses a list; throws `sanctions_file_invalid` for anything but a complete, valid file. */
export function parseSanctionsFiles(
  source: SanctionsSource,
  files: SanctionsFiles,
  /** The XML file's own name, for messages (the publisher's name when not given). */
  fileName?: string,
): ParsedSanctionsList {
  if (source === 'ofac') {
    const set = ofacFileSet(files);
    if (!set.sdn)
      throw rejectFile('empty_file', 'sdn.csv is missing from the OFAC file set', {
        file: OFAC_FILE_NAMES.sdn,
      });
    return parseOfac({
      sdn: decodeLatin1(set.sdn),
      alt: set.alt && decodeLatin1(set.alt),
      add: set.add && decodeLatin1(set.add),
      comments: set.comments && decodeLatin1(set.comments),
    });
  }
  const file = fileName || LIST_FILE_NAMES[source];
  const text = decodeUtf8(singleFile(files, file), file);
  if (source === 'un') return parseUn(text, file);
  if (source === 'eu') return parseEu(text, file);
  return parseUk(text, file);
}
