/**
 * Travel-rule completeness (FATF R.16; Regulation (EU) 2023/1113 Art. 4–7). Every transfer needs
 * the names and accounts of payer and payee (Art. 4(1)(a)(b), 4(2), 6(2)); above the threshold
 * (EUR 1,000 equivalent) the payer also needs identification: under EU 2023/1113 Art. 4(1)(c) the
 * address with its country, an official document number and a customer number — or date and place
 * of birth; under the Interpretive Note to FATF R.16 one of address, national identity number, customer
 * number, or date and place of birth. An unknown EUR equivalent counts as above.
 */
import { Decimal } from '../../../core/money.ts';
import type { AmlRuleParameters, TravelRuleStandard } from '../../../ports/index.ts';
import type { AmlFacts, PartyFields } from '../facts.ts';
import { type AmlReason, reason } from '../types.ts';

function identification(fields: PartyFields, standard: TravelRuleStandard): boolean {
  const birth = fields.birthDate && fields.birthPlace;
  if (standard === 'eu_2023_1113') {
    return (fields.address && fields.nationalIdentifier && fields.customerNumber) || birth;
  }
  return fields.address || fields.nationalIdentifier || fields.customerNumber || birth;
}

/** The travel-rule fields a transfer lacks, as `<party>.<field>` names. */
export function missingTravelRuleFields(
  facts: Pick<AmlFacts, 'travelRule'>,
  above: boolean,
  standard: TravelRuleStandard,
): string[] {
  const missing: string[] = [];
  for (const role of ['payer', 'beneficiary'] as const) {
    const fields = facts.travelRule[role];
    if (!fields.name) missing.push(`${role}.name`);
    if (!fields.account) missing.push(`${role}.account`);
  }
  if (above && !identification(facts.travelRule.payer, standard)) missing.push('payer.identification');
  return missing;
}

export function travelRuleReasons(parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  const setting = parameters.travelRule;
  const above = facts.eur.amount === null || new Decimal(facts.eur.amount).gt(setting.thresholdEur);
  const missing = missingTravelRuleFields(facts, above, setting.standard);
  if (missing.length === 0) return [];
  return [
    reason('TRAVEL_RULE_INCOMPLETE', setting, {
      missing: missing.join(','),
      band: above ? 'above_threshold' : 'at_or_below_threshold',
      eurEquivalent: facts.eur.amount ?? 'unknown',
      thresholdEur: setting.thresholdEur,
      standard: setting.standard,
    }),
  ];
}
