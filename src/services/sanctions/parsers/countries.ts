/**
 * Country names as sanctions lists write them ("Korea, North", "Burma", "Iran (Islamic Republic
 * of)", "Region: Crimea", "Tehran, Iran") to ISO 3166-1 alpha-2 codes.
 *
 * The English names of i18n-iso-countries cover most; the publishers' own spellings and the
 * territories they name are listed here. Historic states (USSR, Yugoslavia) map to nothing rather
 * than to a successor state: a wrong country would move a screening score the wrong way.
 */
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

// The browser/Workers build of the library registers no locale by itself.
countries.registerLocale(english);

/** Publisher spellings missing from the library, lower case. */
const PUBLISHER_NAMES: Record<string, string> = {
  'bahamas, the': 'BS',
  bosnia: 'BA',
  'bosnia-herzegovina': 'BA',
  'bosina-herzegovina': 'BA',
  'british virgin islands': 'VG',
  'virgin islands, british': 'VG',
  brunei: 'BN',
  burma: 'MM',
  'cabo verde': 'CV',
  'cape verde': 'CV',
  'china, hong kong special administrative region': 'HK',
  'comoros islands': 'KM',
  'congo, democratic republic of the': 'CD',
  'democratic republic of the congo': 'CD',
  drc: 'CD',
  'congo, republic of the': 'CG',
  'cote d ivoire': 'CI',
  "cote d'ivoire": 'CI',
  crimea: 'UA',
  dprk: 'KP',
  "democratic people's republic of korea": 'KP',
  'korea, north': 'KP',
  'north korea': 'KP',
  'korea, south': 'KR',
  'south korea': 'KR',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  gaza: 'PS',
  'gaza strip': 'PS',
  'west bank': 'PS',
  palestinian: 'PS',
  'palestinian territories': 'PS',
  'occupied palestinian territories': 'PS',
  'iran (islamic republic of)': 'IR',
  laos: 'LA',
  "lao people's democratic republic": 'LA',
  macau: 'MO',
  macao: 'MO',
  macedonia: 'MK',
  'macedonia, the former yugoslav republic of': 'MK',
  moldova: 'MD',
  'republic of moldova': 'MD',
  phillipines: 'PH',
  'the philippines': 'PH',
  russia: 'RU',
  'the russian federation': 'RU',
  'st kitts and nevis': 'KN',
  syria: 'SY',
  'syrian arab republic': 'SY',
  'viet nam': 'VN',
  tanzania: 'TZ',
  'united republic of tanzania': 'TZ',
  turkey: 'TR',
  turkiye: 'TR',
  'venezuela (bolivarian republic of)': 'VE',
  'bolivia (plurinational state of)': 'BO',
  kosovo: 'XK',
  'northern mali': 'ML',
};

/** Historic or undetermined places: known, deliberately without a code. */
const NO_COUNTRY = new Set([
  'ussr',
  'former soviet union',
  'serbia and montenegro',
  'ex-yugoslavia',
  'yugoslavia',
  'netherlands antilles',
  'undetermined',
  'unknown',
  'kafia kingi',
]);

function lookup(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (NO_COUNTRY.has(lower)) return undefined;
  const known = PUBLISHER_NAMES[lower];
  if (known) return known;
  return countries.getSimpleAlpha2Code(name, 'en') ?? countries.getAlpha2Code(name, 'en') ?? undefined;
}

/**
 * The alpha-2 code of a country as a list writes it, or undefined when it names no (current)
 * country. "City, Region, Country" resolves to its last part; an alpha-2 code passes through.
 */
export function countryCode(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (cache.has(raw)) return cache.get(raw);
  const code = resolve(raw);
  // Lists repeat a few hundred spellings thousands of times; the library's lookup is a linear scan.
  if (cache.size < MAX_CACHED) cache.set(raw, code);
  return code;
}

const MAX_CACHED = 5000;
const cache = new Map<string, string | undefined>();

function resolve(raw: string): string | undefined {
  const name = raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^region:\s*/i, '')
    .replace(/[.;]+$/, '')
    .trim();
  if (name === '' || name === '-0-' || name === '00') return undefined;
  if (/^[A-Z]{2}$/.test(name)) return countries.isValid(name) || name === 'XK' ? name : undefined;
  const direct = lookup(name);
  if (direct) return direct;
  // "Gaza (Palestinian Authority)", "Tunisi (Tunisia)": the name outside, then inside the brackets.
  const bracket = /^(.*?)\s*\(([^)]*)\)$/.exec(name);
  if (bracket) return lookup(bracket[1] ?? '') ?? lookup(bracket[2] ?? '');
  // "Culiacan, Sinaloa, Mexico", "Santa Agueda,Baja California Sur,Mexico": the last part.
  const parts = name.split(/\s*,\s*/);
  if (parts.length > 1) return lookup(parts[parts.length - 1] ?? '');
  return undefined;
}
