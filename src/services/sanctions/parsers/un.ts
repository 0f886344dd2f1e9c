/**
 * The UN Security Council Consolidated List (XML, `CONSOLIDATED_LIST` with `INDIVIDUALS` and
 * `ENTITIES`), as published at scsanctions.un.org. Entry ids are the UN `DATAID`.
 */
import type {
  ListedBirthDate,
  ListedName,
  ParsedSanctionsList,
  SanctionsEntry,
} from '../../../ports/sanctions.ts';
import {
  circaYear,
  clean,
  EntryBuilder,
  finishList,
  isNonLatin,
  isoDate,
  isoTimestamp,
  rejectFile,
} from './common.ts';
import { countryCode } from './countries.ts';
import { children, parseXml, text, texts, type XmlNode } from './xml.ts';

export const UN_FILE_NAME = 'consolidated.xml';

/**
 * The names in one UN alias field. The UN writes notes into it: the name in its own script in
 * parentheses (`Jin Tiesan (金铁三)`, `Abu Muhammad (original script: Абу Мухаммад)`), which
 * becomes an original-script name; for a person, other notes in parentheses (`(birth name)`,
 * `(third)`) and a birth date or document after the name (`…, born 1 Jan. 1953 (Oman passport …)`,
 * `… born in 1963`), which are not part of the name. An organisation's Latin parentheses stay: they
 * are usually its acronym.
 */
function aliasNames(alias: XmlNode, person: boolean): ListedName[] {
  let full = clean(text(alias, 'ALIAS_NAME'));
  const names: ListedName[] = [];
  if (person) full = full.replace(/,?\s+born\s+(?:in|on|circa|about|approx\w*\.?|\d).*$/is, '');
  full = full.replace(/\(([^()]*)\)/g, (whole, inner: string) => {
    const note = inner.replace(/^\s*original script\s*:\s*/i, '').trim();
    if (isNonLatin(note)) {
      names.push({ full: note, kind: 'original_script' });
      return ' ';
    }
    return person ? ' ' : whole;
  });
  full = clean(full);
  if (!full) return names;
  // Alias quality as the UN writes it: Good and a.k.a. are strong, Low is weak; f.k.a. is a former name.
  const quality = text(alias, 'QUALITY').toLowerCase();
  const name: ListedName =
    quality === 'f.k.a.'
      ? { full, kind: 'fka', quality: 'strong' }
      : { full, kind: 'aka', quality: quality === 'low' ? 'weak' : 'strong' };
  return [name, ...names];
}

function birthDate(node: XmlNode): ListedBirthDate | undefined {
  const type = text(node, 'TYPE_OF_DATE').toUpperCase();
  const year = Number.parseInt(text(node, 'YEAR'), 10);
  const date = isoDate(text(node, 'DATE'));
  if (type === 'BETWEEN') {
    const from = Number.parseInt(text(node, 'FROM_YEAR'), 10);
    const to = Number.parseInt(text(node, 'TO_YEAR'), 10);
    if (Number.isInteger(from) && Number.isInteger(to))
      return { fromYear: Math.min(from, to), toYear: Math.max(from, to) };
    return undefined;
  }
  if (type === 'APPROXIMATELY') {
    if (Number.isInteger(year)) return circaYear(year);
    if (date) return circaYear(Number(date.slice(0, 4)));
    return undefined;
  }
  if (date) return { date };
  if (Number.isInteger(year)) return { date: String(year) };
  return undefined;
}

function readCommon(node: XmlNode, entry: EntryBuilder): void {
  const original = clean(text(node, 'NAME_ORIGINAL_SCRIPT'));
  if (original) entry.name({ full: original, kind: 'original_script' });
  entry.program(text(node, 'UN_LIST_TYPE'));
  entry.listedOn = isoDate(text(node, 'LISTED_ON'));
  entry.remarks = text(node, 'COMMENTS1');
}

function individual(node: XmlNode, file: string): SanctionsEntry {
  const id = text(node, 'DATAID');
  if (!/^\d+$/.test(id))
    throw rejectFile('id_invalid', 'an INDIVIDUAL has no numeric DATAID', { file, entry: id || undefined });
  const entry = new EntryBuilder('un', id, 'person');
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((tag) => clean(text(node, tag)))
    .filter(Boolean);
  const primary: ListedName = { full: parts.join(' '), kind: 'primary' };
  if (parts.length > 1) {
    primary.given = parts[0];
    primary.family = parts.slice(1).join(' ');
  }
  entry.name(primary);
  readCommon(node, entry);
  for (const alias of children(node, 'INDIVIDUAL_ALIAS')) {
    for (const name of aliasNames(alias, true)) entry.name(name);
  }
  for (const nationality of children(node, 'NATIONALITY')) {
    for (const value of texts(nationality, 'VALUE')) entry.country(countryCode(value), 'nationality');
  }
  for (const date of children(node, 'INDIVIDUAL_DATE_OF_BIRTH')) entry.birthDate(birthDate(date));
  for (const place of children(node, 'INDIVIDUAL_PLACE_OF_BIRTH'))
    entry.country(countryCode(text(place, 'COUNTRY')), 'birth');
  for (const address of children(node, 'INDIVIDUAL_ADDRESS'))
    entry.country(countryCode(text(address, 'COUNTRY')), 'address');
  for (const document of children(node, 'INDIVIDUAL_DOCUMENT')) {
    const number = text(document, 'NUMBER');
    const type = [text(document, 'TYPE_OF_DOCUMENT'), text(document, 'TYPE_OF_DOCUMENT2')]
      .filter(Boolean)
      .join(' / ');
    const issuer = countryCode(text(document, 'ISSUING_COUNTRY') || text(document, 'COUNTRY_OF_ISSUE'));
    entry.identifier(type || 'Document', number, issuer);
  }
  return entry.build();
}

function entity(node: XmlNode, file: string): SanctionsEntry {
  const id = text(node, 'DATAID');
  if (!/^\d+$/.test(id))
    throw rejectFile('id_invalid', 'an ENTITY has no numeric DATAID', { file, entry: id || undefined });
  const entry = new EntryBuilder('un', id, 'organization');
  // A few entities list two names in FIRST_NAME, separated by " ; ".
  const [primary, ...others] = clean(text(node, 'FIRST_NAME')).split(/\s+;\s+/);
  entry.name({ full: primary ?? '', kind: 'primary' });
  for (const other of others) entry.name({ full: other, kind: 'aka', quality: 'strong' });
  readCommon(node, entry);
  for (const alias of children(node, 'ENTITY_ALIAS')) {
    for (const name of aliasNames(alias, false)) entry.name(name);
  }
  for (const address of children(node, 'ENTITY_ADDRESS'))
    entry.country(countryCode(text(address, 'COUNTRY')), 'address');
  return entry.build();
}

/** Parses the UN consolidated list; `publishedAt` is its `dateGenerated`. */
export function parseUn(xml: string, file: string = UN_FILE_NAME): ParsedSanctionsList {
  const { name, root } = parseXml(xml, file);
  if (name !== 'CONSOLIDATED_LIST') {
    throw rejectFile('root_invalid', `the root element is <${name.slice(0, 40)}>, not <CONSOLIDATED_LIST>`, {
      file,
    });
  }
  const entries: SanctionsEntry[] = [];
  for (const group of children(root, 'INDIVIDUALS')) {
    for (const node of children(group, 'INDIVIDUAL')) entries.push(individual(node, file));
  }
  for (const group of children(root, 'ENTITIES')) {
    for (const node of children(group, 'ENTITY')) entries.push(entity(node, file));
  }
  return finishList('un', file, entries, isoTimestamp(text(root, '@dateGenerated')));
}
