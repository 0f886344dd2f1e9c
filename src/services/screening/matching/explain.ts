/**
 * A hit as the API and the screening records show it: the entry, its primary and matched names,
 * the rounded score, and the explanation — per listed token which query token (by position) matched
 * it, how well and how; the query tokens nothing matched; the name score and the qualifiers. Only
 * list-side text and positions: nothing of the query is repeated.
 */
import { entityId, type SanctionsEntry } from '../../../ports/sanctions.ts';
import type { HitExplanation, ScreeningHit, TokenMatch } from './index.ts';
import type { QualifierEffect } from './qualifiers.ts';
import type { QueryName } from './query.ts';
import type { TokenOutcome } from './score.ts';
import type { NameTable } from './store.ts';

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function explainHit(input: {
  entry: SanctionsEntry;
  names: NameTable;
  name: number;
  query: QueryName;
  outcome: TokenOutcome;
  nameScore: number;
  score: number;
  qualifiers: QualifierEffect[];
}): ScreeningHit {
  const { entry, names, name, query, outcome } = input;
  const listed = names.listed[name] as SanctionsEntry['names'][number];
  const from = names.tokenStart[name] as number;
  const to = names.tokenStart[name + 1] as number;
  const tokens: TokenMatch[] = names.tokenText.slice(from, to).map((listToken, i) => {
    const queryToken = outcome.queryToken[i] ?? null;
    return {
      listToken,
      queryToken: queryToken === null ? null : queryToken + query.offset,
      score: round3(outcome.listScore[i] ?? 0),
      how: outcome.how[i] ?? 'missing',
    };
  });
  const explanation: HitExplanation = {
    matchedNameKind: listed.kind,
    tokens,
    extraQueryTokens: outcome.extraQueryTokens.map((position) => position + query.offset),
    nameScore: round3(input.nameScore),
    qualifiers: input.qualifiers.map((qualifier) => ({ ...qualifier, effect: round3(qualifier.effect) })),
  };
  if (listed.quality) explanation.matchedNameQuality = listed.quality;
  if (query.script) explanation.script = query.script;
  const primary = entry.names.find((n) => n.kind === 'primary') ?? entry.names[0];
  return {
    entityId: entityId(entry),
    source: entry.source,
    entryId: entry.id,
    type: entry.type,
    name: primary?.full ?? listed.full,
    matchedName: listed.full,
    score: round3(input.score),
    explanation,
  };
}
