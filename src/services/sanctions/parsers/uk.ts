/**
 * The UK Sanctions List published by the FCDO (`UK-Sanctions-List.xml`): `<Designations>` with a
 * `<DateGenerated>` and one `<Designation>` per designated person, entity or ship, names split
 * over `Name1`…`Name6` (`Name6` the family name). Entry ids are the designation's `UniqueID`.
 */
import type {
  EntityType,
  ListedBirthDate,
  ListedName,
  ParsedSanctionsList,
  SanctionsEntry,
} from '../../../ports/sanctions.ts';
import { clean, EntryBuilder, finishList, isNonLatin, isoDate, rejectFile } from './common.ts';
import { countryCode } from './countries.ts';
import { children, parseXml, text, texts, type XmlNode } from './xml.ts';

export const UK_FILE_NAME = 'UK-Sanctions-List.xml';

const TYPES: Record<string, EntityType> = { individual: 'person', entity: 'organization', ship: 'vessel' };

/** `31/12/2020` → `2020-12-31`; undefined for anything else. */
function ukDate(value: string): string | undefined {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(clean(value));
  return match ? isoDate(`${match[3]}-${match[2]}-${match[1]}`) : undefined;
}

/** A UK DOB, where unknown parts are written `dd` and `mm`: `dd/mm/1945`, `dd/03/1958`, `01/03/1958`. */
export function ukBirthDate(value: string): ListedBirthDate | undefined {
  const match = /^(\d{2}|dd)\/(\d{2}|mm)\/(\d{4})$/i.exec(clean(value));
  if (!match) return undefined;
  const [, day, month, year] = match;
  if (/^\d{2}$/.test(month ?? '') && /^\d{2}$/.test(day ?? '')) {
    const date = isoDate(`${year}-${month}-${day}`);
    return date ? { date } : undefined;
  }
  if (/^\d{2}$/.test(month ?? '') && Number(month) >= 1 && Number(month) <= 12)
    return { date: `${year}-${month}` };
  return { date: year ?? '' };
}

function nameOf(node: XmlNode): ListedName | undefined {
  const given = ['Name1', 'Name2', 'Name3', 'Name4', 'Name5']
    .map((tag) => clean(text(node, tag)))
    .filter(Boolean)
    .join(' ');
  const family = clean(text(node, 'Name6'));
  const full = [given, family].filter(Boolean).join(' ');
  if (!full) return undefined;
  // NameType casing varies ("Primary Name", "Primary name", "ALias"); a variation is an alias.
  const type = text(node, 'NameType').toLowerCase();
  const name: ListedName = { full, kind: type === 'primary name' ? 'primary' : 'aka' };
  if (name.kind === 'aka') name.quality = /low/i.test(text(node, 'AliasStrength')) ? 'weak' : 'strong';
  if (given && family) {
    name.given = given;
    name.family = family;
  }
  return name;
}

function individualDetails(node: XmlNode, entry: EntryBuilder): void {
  for (const details of children(node, 'IndividualDetails')) {
    for (const person of children(details, 'Individual')) {
      for (const dobs of children(person, 'DOBs'))
        for (const dob of texts(dobs, 'DOB')) entry.birthDate(ukBirthDate(dob));
      for (const list of children(person, 'Nationalities')) {
        for (const nationality of texts(list, 'Nationality'))
          entry.country(countryCode(nationality), 'nationality');
      }
      for (const list of children(person, 'PassportDetails')) {
        for (const passport of children(list, 'Passport')) {
          const info = text(passport, 'PassportAdditionalInformation');
          entry.identifier(
            'Passport',
            text(passport, 'PassportNumber'),
            countryCode(info.replace(/\bpassport\b/i, '')),
          );
        }
      }
      for (const list of children(person, 'NationalIdentifierDetails')) {
        for (const id of children(list, 'NationalIdentifier')) {
          const info = text(id, 'NationalIdentifierAdditionalInformation');
          entry.identifier('National Identifier', text(id, 'NationalIdentifierNumber'), countryCode(info));
        }
      }
      for (const birth of children(person, 'BirthDetails')) {
        for (const location of children(birth, 'Location'))
          entry.country(countryCode(text(location, 'CountryOfBirth')), 'birth');
      }
    }
  }
}

function otherDetails(node: XmlNode, entry: EntryBuilder): void {
  for (const details of children(node, 'EntityDetails')) {
    for (const organisation of children(details, 'Entity')) {
      for (const list of children(organisation, 'BusinessRegistrationNumbers')) {
        for (const number of texts(list, 'BusinessRegistrationNumber'))
          entry.identifier('Business Registration Number', number);
      }
    }
  }
  for (const details of children(node, 'ShipDetails')) {
    for (const ship of children(details, 'Ship')) {
      for (const list of children(ship, 'IMONumbers'))
        for (const imo of texts(list, 'IMONumber')) entry.identifier('IMO', imo);
      for (const list of children(ship, 'CurrentBelievedFlagOfShips')) {
        for (const flag of texts(list, 'CurrentBelievedFlagOfShip'))
          entry.country(countryCode(flag), 'registration');
      }
    }
  }
}

function designation(node: XmlNode, file: string): SanctionsEntry {
  const id = text(node, 'UniqueID');
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(id))
    throw rejectFile('id_invalid', 'a Designation has no UniqueID', {
      file,
      entry: id.slice(0, 40) || undefined,
    });
  const type = TYPES[text(node, 'IndividualEntityShip').toLowerCase()];
  if (!type)
    throw rejectFile('type_invalid', 'IndividualEntityShip is not Individual, Entity or Ship', {
      file,
      entry: id,
    });
  const entry = new EntryBuilder('uk', id, type);
  const names = children(node, 'Names')
    .flatMap((list) => children(list, 'Name'))
    .map(nameOf);
  for (const name of names) if (name?.kind === 'primary') entry.name(name);
  for (const name of names) if (name && name.kind !== 'primary') entry.name(name);
  // No name marked primary: the first one published is.
  const first = entry.names[0];
  if (first && first.kind !== 'primary') {
    first.kind = 'primary';
    delete first.quality;
  }
  for (const list of children(node, 'NonLatinNames')) {
    for (const item of children(list, 'NonLatinName')) {
      const full = clean(text(item, 'NameNonLatinScript'));
      if (full) entry.name({ full, kind: isNonLatin(full) ? 'original_script' : 'aka' });
    }
  }
  entry.program(text(node, 'RegimeName'));
  entry.listedOn = ukDate(text(node, 'DateDesignated'));
  for (const list of children(node, 'Addresses')) {
    for (const address of children(list, 'Address'))
      entry.country(countryCode(text(address, 'AddressCountry')), 'address');
  }
  individualDetails(node, entry);
  otherDetails(node, entry);
  entry.remarks = [text(node, 'OtherInformation'), text(node, 'UKStatementofReasons')]
    .filter(Boolean)
    .join(' ');
  return entry.build();
}

/** Parses the UK Sanctions List; `publishedAt` is its `DateGenerated` (a day, read as midnight UTC). */
export function parseUk(xml: string, file: string = UK_FILE_NAME): ParsedSanctionsList {
  const { name, root } = parseXml(xml, file);
  if (name !== 'Designations') {
    throw rejectFile('root_invalid', `the root element is <${name.slice(0, 40)}>, not <Designations>`, {
      file,
    });
  }
  const entries = children(root, 'Designation').map((node) => designation(node, file));
  const generated = ukDate(text(root, 'DateGenerated')) ?? isoDate(text(root, 'DateGenerated'));
  return finishList('uk', file, entries, generated ? `${generated}T00:00:00.000Z` : undefined);
}
