/**
 * The screened name's normalised tokens, for an officer who may see names: a hit's explanation
 * stores only positions of the query's tokens (never the name), and these make it read fully.
 * The query is rebuilt as the screening step built it (`src/pipeline/parties.ts`, `personQuery`
 * and the agency's query), so that the matcher's own tokenizer gives the same positions.
 */
import type { InsuredPerson } from '../../../schemas/privacy.ts';
import { queryTokens } from '../screening/matching/index.ts';

export function personQueryTokens(name: InsuredPerson['name']): string[] {
  return queryTokens({
    name: `${name.given} ${name.family}`,
    ...(name.original ? { originalName: name.original } : {}),
    type: 'person',
  });
}

export function organizationQueryTokens(name: string): string[] {
  return queryTokens({ name, type: 'organization' });
}
