/**
 * Sanctions lists as the gateway holds them: one normalised shape for every publisher (OFAC SDN,
 * UN Security Council, EU financial sanctions, UK sanctions list), so that importers, the matching
 * index and the review queue share one contract.
 */

export const SANCTIONS_SOURCES = ['ofac', 'un', 'eu', 'uk'] as const;
export type SanctionsSource = (typeof SANCTIONS_SOURCES)[number];

export const ENTITY_TYPES = ['person', 'organization', 'vessel', 'aircraft'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * How a name belongs to its entry: the primary name, an alias (`aka`), a former (`fka`) or new
 * (`nka`) name, or the name as written in its original script.
 */
export const NAME_KINDS = ['primary', 'aka', 'fka', 'nka', 'original_script'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export interface ListedName {
  /** As published (OFAC `LAST, First`, UN given names and family name joined, …). */
  full: string;
  kind: NameKind;
  /** OFAC and UN mark some aliases as weak (low quality): they score lower. */
  quality?: 'strong' | 'weak';
  /** Structured parts when the list gives them. */
  given?: string;
  family?: string;
}

/** A birth date as precise as the list gives it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a year range. */
export interface ListedBirthDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  /** Inclusive year range ("between 1954 and 1957", "circa 1960" as 1959–1961). */
  fromYear?: number;
  toYear?: number;
}

export interface ListedIdentifier {
  /** What the list calls it: "Passport", "National ID No.", "Tax ID No.", … */
  type: string;
  number: string;
  /** ISO 3166-1 alpha-2 of the issuing country, when known. */
  country?: string;
}

export interface ListedCountry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  kind: 'nationality' | 'citizenship' | 'address' | 'birth' | 'registration';
}

/** One listed person, organisation, vessel or aircraft. */
export interface SanctionsEntry {
  source: SanctionsSource;
  /** The identifier in its list (OFAC `ent_num`, UN `DATAID`, EU `logicalId`, UK group id). */
  id: string;
  type: EntityType;
  names: ListedName[];
  birthDates: ListedBirthDate[];
  countries: ListedCountry[];
  identifiers: ListedIdentifier[];
  /** Sanctions programmes or regimes ("SDGT", "DRC", …). */
  programs: string[];
  /** The date the entry was listed, `YYYY-MM-DD`, when given. */
  listedOn?: string;
  remarks?: string;
}

/** A parsed list file: its entries and the publication date the publisher states, if any. */
export interface ParsedSanctionsList {
  source: SanctionsSource;
  entries: SanctionsEntry[];
  /** ISO timestamp the publisher gives (UN `dateGenerated`, EU `generationDate`, …). */
  publishedAt?: string;
}

/** `<source>:<id in that list>`: how hits and suppressions name a list entry. */
export function entityId(entry: Pick<SanctionsEntry, 'source' | 'id'>): string {
  return `${entry.source}:${entry.id}`;
}
