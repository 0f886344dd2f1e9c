/**
 * A screening query's names as the search reads them: the name and, when given, the name in its
 * own script, each normalised into tokens and units; token positions run on from the first name
 * into the second, as `queryTokens` lists them.
 */
import type { EntityType } from '../../../ports/sanctions.ts';
import { type NormalisedToken, normaliseName } from './normalise.ts';
import { MAX_TOKENS } from './store.ts';
import type { Script } from './transliterate.ts';
import { type NameUnit, nameUnits } from './units.ts';

export interface QueryName {
  tokens: NormalisedToken[];
  units: NameUnit[];
  unitMasks: Int32Array;
  /** Position of its first token in `queryTokens(query)`. */
  offset: number;
  /** The script it was written in, when not Latin. */
  script: Script | undefined;
}

export function parseQueryNames(query: {
  name: string;
  originalName?: string | undefined;
  type?: EntityType | undefined;
}): QueryName[] {
  const names: QueryName[] = [];
  let offset = 0;
  for (const text of [query.name, query.originalName]) {
    if (!text) continue;
    const tokens = normaliseName(text, query.type).slice(0, MAX_TOKENS);
    if (tokens.length === 0) continue;
    const units = nameUnits(tokens);
    const script = tokens.find((token) => token.script !== 'latin')?.script;
    names.push({ tokens, units, unitMasks: Int32Array.from(units, (unit) => unit.mask), offset, script });
    offset += tokens.length;
  }
  return names;
}
