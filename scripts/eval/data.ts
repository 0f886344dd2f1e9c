/**
 * The development sanctions data of ../shared/data/sanctions (OFAC SDN CSV set and the UN
 * consolidated list, development copy), parsed by the gateway's own parsers, for the screening
 * evaluation and benchmark. Undefined, with the skip message printed, when the files are absent.
 */
import { readFileSync } from 'node:fs';
import type { SanctionsEntry } from '../../src/ports/sanctions.ts';
import { decodeLatin1, parseOfac } from '../../src/services/sanctions/parsers/ofac.ts';
import { parseUn } from '../../src/services/sanctions/parsers/un.ts';
import { sharedFile, skipMessage } from '../../test/helpers/shared-data.ts';

const FILES = {
  sdn: 'sanctions/ofac/sdn.csv',
  alt: 'sanctions/ofac/alt.csv',
  add: 'sanctions/ofac/add.csv',
  comments: 'sanctions/ofac/sdn_comments.csv',
  un: 'sanctions/un/consolidated-dev.xml',
} as const;

export function loadDevelopmentEntries(): SanctionsEntry[] | undefined {
  const paths = Object.fromEntries(
    Object.entries(FILES).map(([name, file]) => [name, sharedFile(file)]),
  ) as Record<keyof typeof FILES, string | undefined>;
  const missing = (Object.keys(FILES) as (keyof typeof FILES)[]).find((name) => paths[name] === undefined);
  if (missing) {
    console.log(skipMessage(FILES[missing]));
    return undefined;
  }
  const latin1 = (path: string | undefined) => decodeLatin1(readFileSync(path as string));
  const ofac = parseOfac({
    sdn: latin1(paths.sdn),
    alt: latin1(paths.alt),
    add: latin1(paths.add),
    comments: latin1(paths.comments),
  });
  const un = parseUn(readFileSync(paths.un as string, 'utf8'));
  return [...ofac.entries, ...un.entries];
}
