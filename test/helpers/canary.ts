/**
 * Canary persons for the privacy-by-design tests: every personal leaf field of `InsuredPerson`
 * (as the classification registry lists them) gets a unique value that still passes the field's
 * validation — national identifiers valid for their scheme, IBANs with correct check digits,
 * real past dates, E.164 phone numbers — and every value is recorded with its data category and
 * owner, so a test can say exactly which canary of whom leaked where.
 *
 * A personal field the registry gains without a generator here makes `canaryPerson` throw: the
 * canary test cannot silently miss a new field.
 */
import { composeIBAN, friendlyFormatIBAN } from 'ibantools';
import { validateIban } from '../../adapters/_shared/bank-identifiers.ts';
import type { InsuredPerson } from '../../schemas/privacy.ts';
import type { DataCategory, IdentifierScheme } from '../../src/ports/index.ts';
import type { AdapterRegistry } from '../../src/services/adapters/registry.ts';
import {
  classificationOf,
  INSURED_PERSON_CATEGORIES,
  personalFieldPaths,
} from '../../src/services/privacy/classification.ts';

/**
 * A data category, or `free_text`: text about a person that is no field of the person (the
 * reason of a rectification, an unknown field's value) and may leave in no message at all.
 */
export type CanaryCategory = DataCategory | 'free_text';

export interface Canary {
  /** The value as planted (what the test sent). */
  readonly value: string;
  readonly category: CanaryCategory;
  /** The registry path of the field, e.g. `InsuredPerson.name.given`. */
  readonly field: string;
  /** Whose value it is (a person key such as `DE contribution`). */
  readonly owner: string;
  /** Every text form the value may take in a message, lower-cased. */
  readonly forms: readonly string[];
  /** Whether the value is recognisable in an HTML rendering (a bare number is not). */
  readonly inHtml: boolean;
  /** Replaced by a rectification: still the owner's, no longer required to appear. */
  retired?: boolean;
}

const digit = (random: () => number) => String(Math.floor(random() * 10));

// --- forms --------------------------------------------------------------------------------------

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const jsonEscaped = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * The forms a text may take in a response, a stored body or a log line: raw, decomposed,
 * JSON-escaped (once and twice: a JSON body stored as a JSON string), `\u`-escaped, URL-encoded
 * and HTML-escaped.
 */
export function textForms(value: string): string[] {
  const json = jsonEscaped(value);
  const ascii = json.replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const uri = encodeURIComponent(value);
  const html = value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
  return [
    ...new Set(
      [
        value,
        value.normalize('NFD'),
        json,
        jsonEscaped(json),
        ascii,
        jsonEscaped(ascii),
        uri,
        uri.replaceAll('%20', '+'),
        html,
      ].map((form) => form.toLowerCase()),
    ),
  ];
}

/** Does `lowerText` (already lower-cased) contain the canary in any of its forms? */
export function containsCanary(lowerText: string, canary: Canary): boolean {
  return canary.forms.some((form) => lowerText.includes(form));
}

/** The form in which `lowerText` (already lower-cased) contains the canary, if it does. */
export function canaryFormIn(lowerText: string, canary: Canary): string | undefined {
  return canary.forms.find((form) => lowerText.includes(form));
}

/** The canaries found in `text`. */
export function canariesIn(text: string, canaries: readonly Canary[]): Canary[] {
  const lower = text.toLowerCase();
  return canaries.filter((canary) => containsCanary(lower, canary));
}

export function describeCanary(canary: Canary): string {
  return `${canary.category} canary ${JSON.stringify(canary.value)} (${canary.field} of ${canary.owner})`;
}

// --- valid values -------------------------------------------------------------------------------

export function findScheme(registry: AdapterRegistry, schemeId: string): IdentifierScheme {
  for (const adapter of registry.list()) {
    const scheme = adapter.identifiers.find((item) => item.id === schemeId);
    if (scheme) return scheme;
  }
  throw new Error(`no enabled adapter has the identifier scheme ${schemeId}`);
}

/** The personal identifier scheme of a jurisdiction (kind `person`). */
export function personScheme(registry: AdapterRegistry, jurisdiction: string): IdentifierScheme | undefined {
  return registry.get(jurisdiction)?.identifiers.find((scheme) => scheme.kind === 'person');
}

export interface CanaryIdentifier {
  scheme: string;
  /** As sent. */
  value: string;
  /** As the scheme normalises it (what the gateway stores and shows). */
  normalized: string;
}

/**
 * Fresh identifiers that the scheme's own validator accepts: the digits of its first valid
 * example, after the first three characters (which often carry a country or range prefix), are
 * drawn at random until the check digits (and embedded dates) work out. The adapters' published
 * examples themselves are never returned: they are short or regular enough to occur elsewhere.
 */
export function validIdentifiers(
  registry: AdapterRegistry,
  schemeId: string,
  count: number,
  random: () => number,
  taken: Set<string> = new Set(),
): CanaryIdentifier[] {
  const scheme = findScheme(registry, schemeId);
  const examples = scheme.examples.valid.flatMap((example) => {
    const result = scheme.validate(example);
    return result.valid ? [result.normalized] : [];
  });
  const seed = examples[0];
  if (seed === undefined) throw new Error(`${schemeId} has no valid example to derive canaries from`);
  const out: CanaryIdentifier[] = [];
  for (let attempt = 0; out.length < count && attempt < 500_000; attempt += 1) {
    const candidate = seed.slice(0, 3) + seed.slice(3).replace(/[0-9]/g, () => digit(random));
    const result = scheme.validate(candidate);
    if (!result.valid || examples.includes(result.normalized) || taken.has(result.normalized)) continue;
    taken.add(result.normalized);
    out.push({ scheme: scheme.id, value: candidate, normalized: result.normalized });
  }
  if (out.length < count) throw new Error(`could not draw ${count} valid ${schemeId} identifiers`);
  return out;
}

/** Standard example IBANs (IBAN registry) whose BBAN digits are redrawn for canaries. */
const IBAN_PATTERNS: Readonly<Record<string, string>> = {
  AT: 'AT611904300234573201',
  CH: 'CH9300762011623852957',
  DE: 'DE89370400440532013000',
  FR: 'FR1420041010050500013M02606',
  NL: 'NL91ABNA0417164300',
};

/** A valid IBAN of `country` (check digits and any national check), compact, never a standard example. */
export function canaryIban(country: string, random: () => number, taken: Set<string> = new Set()): string {
  const pattern = IBAN_PATTERNS[country];
  if (!pattern) throw new Error(`no IBAN pattern for ${country}`);
  for (let attempt = 0; attempt < 100_000; attempt += 1) {
    const bban = pattern.slice(4).replace(/[0-9]/g, () => digit(random));
    const iban = composeIBAN({ countryCode: country, bban });
    if (!iban || iban === pattern || taken.has(iban) || !validateIban(iban, country).valid) continue;
    taken.add(iban);
    return iban;
  }
  throw new Error(`could not draw a valid ${country} IBAN`);
}

/** The same IBAN with its last digit changed: still IBAN-shaped, no longer valid. */
export function brokenIban(iban: string): string {
  const last = Number(iban.at(-1));
  return `${iban.slice(0, -1)}${Number.isNaN(last) ? '0' : (last + 1) % 10}`;
}

// --- the canary person --------------------------------------------------------------------------

export interface CanaryPersonSpec {
  /** Whose person this is, as failures name it (`DE contribution`). */
  owner: string;
  /** 0–99, unique per test: makes every value of the person unique. */
  index: number;
  identifier: CanaryIdentifier;
  /** Compact IBAN (a valid one, see `canaryIban`). */
  iban: string;
  /** ISO 3166 code of the address (not a canary: two letters are shared by millions). */
  country: string;
}

export interface CanaryPerson {
  readonly owner: string;
  readonly person: InsuredPerson;
  readonly canaries: Canary[];
}

interface Planted {
  value: unknown;
  /** The searchable values and their extra forms (the first form is the value itself). */
  canaries: { value: string; forms?: string[]; inHtml?: boolean }[];
}

interface FieldContext {
  spec: CanaryPersonSpec;
  tag: string;
}

type FieldPlan =
  | { plant: (context: FieldContext) => Planted }
  | { skip: string; filler: (context: FieldContext) => unknown };

/** Han characters spelling a person's tag (the original-script name must be unique too). */
const HAN_DIGITS = '零壹贰叁肆伍陆柒捌玖';

const text = (value: string, ...forms: string[]): Planted => ({ value, canaries: [{ value, forms }] });

/**
 * A plan for every personal leaf field of `InsuredPerson` (paths relative to it): a canary, or
 * the reason there can be none and the (ordinary) value the field gets instead.
 */
const FIELD_PLANS: Readonly<Record<string, FieldPlan>> = {
  'nationalIdentifier.scheme': {
    skip: 'the scheme names a national register that everyone of a country shares: not unique to a person',
    filler: ({ spec }) => spec.identifier.scheme,
  },
  'nationalIdentifier.value': {
    plant: ({ spec }) => text(spec.identifier.value, spec.identifier.normalized),
  },
  'name.given': { plant: ({ tag }) => text(`Cnrygiven${tag}`) },
  'name.family': { plant: ({ tag }) => text(`Cnryfamily${tag}`) },
  'name.original': {
    plant: ({ spec }) => {
      const han = String(spec.index)
        .padStart(2, '0')
        .replace(/[0-9]/g, (d) => HAN_DIGITS[Number(d)] ?? d);
      return text(`金丝雀${han}`);
    },
  },
  birthDate: {
    plant: ({ spec }) => {
      // 1920–1949: no timestamp of the test is that old, and no benefit period (1960s–70s) either.
      // Year and month together spell the index: unique per person.
      const year = 1920 + (spec.index % 30);
      const month = String(1 + Math.floor(spec.index / 30)).padStart(2, '0');
      const day = String(1 + ((spec.index * 7) % 28)).padStart(2, '0');
      return text(`${year}-${month}-${day}`);
    },
  },
  'address.lines[]': {
    plant: ({ tag }) => ({
      value: [`Cnrystreet${tag}`, `Cnryflat${tag}`],
      canaries: [{ value: `Cnrystreet${tag}` }, { value: `Cnryflat${tag}` }],
    }),
  },
  'address.postalCode': { plant: ({ tag }) => text(`CNRYPC${tag}`) },
  'address.city': { plant: ({ tag }) => text(`Cnrycity${tag}`) },
  'address.country': {
    skip: 'a two-letter country code is shared by millions: not unique to a person',
    filler: ({ spec }) => spec.country,
  },
  'contact.email': { plant: ({ tag }) => text(`cnry-email-${tag}@example.org`) },
  'contact.phone': {
    plant: ({ spec }) => {
      const phone = `+4930555${String(spec.index).padStart(3, '0')}7731`;
      return text(phone, phone.slice(1));
    },
  },
  'bankAccount.iban': {
    // Sent grouped in fours and in lower case; the gateway normalises to compact upper case.
    plant: ({ spec }) => {
      const grouped = friendlyFormatIBAN(spec.iban) ?? spec.iban;
      return text(grouped.toLowerCase(), spec.iban, grouped);
    },
  },
  'bankAccount.accountNumber': { plant: ({ tag }) => text(`CNRYACCT${tag}`) },
  'bankAccount.bic': { plant: ({ tag }) => text(`CNRYQZ${tag.toUpperCase()}X`) },
  'benefit.type': {
    skip: 'an enum of six benefit types: low-information, cannot carry a unique value',
    filler: () => 'invalidity_pension',
  },
  'benefit.period': {
    plant: ({ spec }) => {
      const year = 1960 + (spec.index % 20);
      const month = String(1 + Math.floor(spec.index / 20)).padStart(2, '0');
      return text(`${year}-${month}`);
    },
  },
  'health.incapacityPercent': {
    // A number cannot be searched for alone: its JSON member is (and is not found in HTML).
    plant: ({ spec }) => {
      const percent = 51 + (spec.index % 49);
      return {
        value: percent,
        canaries: [{ value: `"incapacityPercent":${percent}`, inHtml: false }],
      };
    },
  },
  preferredLanguage: {
    skip: 'an enum of eight languages: low-information, cannot carry a unique value',
    filler: () => 'de',
  },
};

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.replace(/\[\]$/, '').split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) ?? ''] = value;
}

/**
 * The personal leaf fields of `InsuredPerson` (registry paths without the schema name), with
 * their data category; throws when the registry and the plans here disagree.
 */
export function insuredPersonFields(): { path: string; category: DataCategory }[] {
  const prefix = 'InsuredPerson.';
  const paths = personalFieldPaths('InsuredPerson').map((path) => path.slice(prefix.length));
  const missing = paths.filter((path) => !(path in FIELD_PLANS));
  if (missing.length > 0) {
    throw new Error(
      `personal field(s) of InsuredPerson without a canary plan: ${missing.join(', ')} — add them to FIELD_PLANS in test/helpers/canary.ts`,
    );
  }
  const stale = Object.keys(FIELD_PLANS).filter((path) => !paths.includes(path));
  if (stale.length > 0) {
    throw new Error(
      `canary plans for fields that are not personal fields of InsuredPerson: ${stale.join(', ')}`,
    );
  }
  return paths.map((path) => {
    const category = classificationOf(`${prefix}${path}`);
    const top = path.split(/[.[]/)[0] as keyof InsuredPerson;
    if (category === undefined || category === 'none' || category !== INSURED_PERSON_CATEGORIES[top]) {
      throw new Error(
        `InsuredPerson.${path}: classified ${category}, but its part ${top} is ${INSURED_PERSON_CATEGORIES[top]}`,
      );
    }
    return { path, category };
  });
}

/** The fields that carry no canary, and why (for the test's own report). */
export function fieldsWithoutCanary(): { path: string; reason: string }[] {
  return Object.entries(FIELD_PLANS).flatMap(([path, plan]) =>
    'skip' in plan ? [{ path: `InsuredPerson.${path}`, reason: plan.skip }] : [],
  );
}

/** A person with a canary in every personal field that can carry one. */
export function canaryPerson(spec: CanaryPersonSpec): CanaryPerson {
  if (spec.index < 0 || spec.index > 99) throw new Error('a canary person index is 0–99');
  const tag = `k${String(spec.index).padStart(2, '0')}z`;
  const context: FieldContext = { spec, tag };
  const person: Record<string, unknown> = {};
  const canaries: Canary[] = [];
  for (const { path, category } of insuredPersonFields()) {
    const plan = FIELD_PLANS[path] as FieldPlan;
    if ('skip' in plan) {
      setPath(person, path, plan.filler(context));
      continue;
    }
    const planted = plan.plant(context);
    setPath(person, path, planted.value);
    for (const item of planted.canaries) {
      canaries.push({
        value: item.value,
        category,
        field: `InsuredPerson.${path}`,
        owner: spec.owner,
        forms: [...new Set([item.value, ...(item.forms ?? [])].flatMap(textForms))],
        inHtml: item.inHtml ?? true,
      });
    }
  }
  return { owner: spec.owner, person: person as InsuredPerson, canaries };
}

/** A canary outside the person's fields (a transfer reference, a reason, an unknown field's value). */
export function extraCanary(
  owner: string,
  field: string,
  category: CanaryCategory,
  value: string,
  ...forms: string[]
): Canary {
  return {
    value,
    category,
    field,
    owner,
    forms: [...new Set([value, ...forms].flatMap(textForms))],
    inHtml: true,
  };
}
