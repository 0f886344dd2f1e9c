/**
 * The EU consolidated list of persons, groups and entities subject to financial sanctions, in the
 * Financial Sanctions Files format `xmlFullSanctionsList_1_1`: `<export generationDate>` holding
 * `<sanctionEntity logicalId>` elements whose data sits in attributes. Entry ids are `logicalId`.
 */
import type {
  EntityType,
  ListedBirthDate,
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
import { children, parseXml, text, type XmlNode } from './xml.ts';

export const EU_FILE_NAME = 'xmlFullSanctionsList_1_1.xml';

const TYPES: Record<string, EntityType> = { person: 'person', enterprise: 'organization' };
const CLASSIFICATIONS: Record<string, EntityType> = { P: 'person', E: 'organization' };

/** `countryIso2Code`, where "00" means unknown; the description when no code is given. */
function country(node: XmlNode): string | undefined {
  return countryCode(text(node, '@countryIso2Code')) ?? countryCode(text(node, '@countryDescription'));
}

function birthDate(node: XmlNode): ListedBirthDate | undefined {
  const circa = text(node, '@circa') === 'true';
  const date = isoDate(text(node, '@birthdate'));
  const year = Number.parseInt(text(node, '@year'), 10);
  const from = Number.parseInt(text(node, '@yearRangeFrom'), 10);
  const to = Number.parseInt(text(node, '@yearRangeTo'), 10);
  if (Number.isInteger(from) && Number.isInteger(to))
    return { fromYear: Math.min(from, to), toYear: Math.max(from, to) };
  const knownYear = Number.isInteger(year) ? year : date ? Number(date.slice(0, 4)) : undefined;
  if (circa && knownYear !== undefined) return circaYear(knownYear);
  if (date) return { date };
  if (knownYear === undefined) return undefined;
  const month = Number.parseInt(text(node, '@monthOfYear'), 10);
  return Number.isInteger(month) && month >= 1 && month <= 12
    ? { date: `${knownYear}-${String(month).padStart(2, '0')}` }
    : { date: String(knownYear) };
}

function entryType(node: XmlNode, file: string, id: string): EntityType {
  const subject = children(node, 'subjectType')[0];
  const type =
    TYPES[text(subject, '@code').toLowerCase()] ??
    CLASSIFICATIONS[text(subject, '@classificationCode').toUpperCase()];
  if (!type)
    throw rejectFile('type_invalid', 'subjectType is neither person nor enterprise', { file, entry: id });
  return type;
}

function sanctionEntity(node: XmlNode, file: string): SanctionsEntry {
  const id = text(node, '@logicalId');
  if (!/^\d+$/.test(id))
    throw rejectFile('id_invalid', 'a sanctionEntity has no numeric logicalId', {
      file,
      entry: id || undefined,
    });
  const entry = new EntryBuilder('eu', id, entryType(node, file, id));
  let primaryTaken = false;
  for (const alias of children(node, 'nameAlias')) {
    const full =
      clean(text(alias, '@wholeName')) ||
      ['@firstName', '@middleName', '@lastName']
        .map((key) => clean(text(alias, key)))
        .filter(Boolean)
        .join(' ');
    if (!full) continue;
    const strong = text(alias, '@strong') !== 'false';
    if (isNonLatin(full)) {
      entry.name({ full, kind: 'original_script' });
      continue;
    }
    // The first strong Latin-script name is the one the regulation lists first: the primary name.
    const kind = !primaryTaken && strong ? 'primary' : 'aka';
    if (kind === 'primary') primaryTaken = true;
    const given = [clean(text(alias, '@firstName')), clean(text(alias, '@middleName'))]
      .filter(Boolean)
      .join(' ');
    const family = clean(text(alias, '@lastName'));
    entry.name({
      full,
      kind,
      ...(kind === 'aka' ? { quality: strong ? ('strong' as const) : ('weak' as const) } : {}),
      ...(given ? { given } : {}),
      ...(family ? { family } : {}),
    });
  }
  // A list of only weak or non-Latin names still has a primary name: its first one.
  const first = entry.names[0];
  if (!primaryTaken && first) {
    first.kind = 'primary';
    delete first.quality;
  }
  for (const date of children(node, 'birthdate')) {
    entry.birthDate(birthDate(date));
    entry.country(country(date), 'birth');
  }
  for (const citizenship of children(node, 'citizenship')) entry.country(country(citizenship), 'citizenship');
  for (const address of children(node, 'address')) entry.country(country(address), 'address');
  for (const document of children(node, 'identification')) {
    const type =
      text(document, '@identificationTypeDescription') || text(document, '@identificationTypeCode');
    entry.identifier(
      type || 'Identification',
      text(document, '@number') || text(document, '@latinNumber'),
      country(document),
    );
  }
  for (const regulation of children(node, 'regulation')) entry.program(text(regulation, '@programme'));
  entry.listedOn =
    isoDate(text(node, '@designationDate')) ??
    children(node, 'regulation')
      .map((regulation) => isoDate(text(regulation, '@publicationDate')))
      .filter((date): date is string => date !== undefined)
      .sort()[0];
  entry.remarks = children(node, 'remark')
    .map((remark) => clean(remark['#text']))
    .filter(Boolean)
    .join(' ');
  return entry.build();
}

/** Parses the EU consolidated list; `publishedAt` is its `generationDate`. */
export function parseEu(xml: string, file: string = EU_FILE_NAME): ParsedSanctionsList {
  const { name, root } = parseXml(xml, file);
  if (name !== 'export') {
    throw rejectFile('root_invalid', `the root element is <${name.slice(0, 40)}>, not <export>`, { file });
  }
  const entries = children(root, 'sanctionEntity').map((node) => sanctionEntity(node, file));
  return finishList('eu', file, entries, isoTimestamp(text(root, '@generationDate')));
}
