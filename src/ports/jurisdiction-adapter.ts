/**
 * The JurisdictionAdapter contract. One object per country supplies the policy for every step of
 * the pipeline; the core owns the order, the transactions and the audit record, and never imports
 * an adapter. Adapters are plain objects built by `defineJurisdictionAdapter`, with options
 * validated at boot by the registry.
 */
import { z } from 'zod';
import { type AmlPolicy, amlPolicySchema } from './aml.ts';
import { type FxPolicy, fxPolicySchema } from './fx.ts';
import type { IdentifierScheme } from './identifiers.ts';
import { type JurisdictionIdentity, jurisdictionIdentitySchema } from './identity.ts';
import { type PrivacyPolicy, privacyPolicySchema } from './privacy.ts';
import { type SettlementPolicy, settlementPolicySchema } from './settlement.ts';
import { type SigningPolicy, signingPolicySchema } from './signing.ts';

/** The policies an adapter builds from its validated options. */
export interface JurisdictionPolicies {
  readonly fx: FxPolicy;
  readonly privacy: PrivacyPolicy;
  readonly signing: SigningPolicy;
  readonly aml: AmlPolicy;
  readonly settlement: SettlementPolicy;
  readonly identifiers: readonly IdentifierScheme[];
}

/** A ready adapter: identity, the options it runs with, and its policies. */
export interface JurisdictionAdapter extends JurisdictionPolicies {
  readonly identity: JurisdictionIdentity;
  readonly options: unknown;
}

/** What an adapter module exports: identity, an options schema with defaults, and a builder. */
export interface JurisdictionAdapterDefinition<Schema extends z.ZodType = z.ZodType> {
  readonly identity: JurisdictionIdentity;
  /** Parameters operators may set, with their bounds; validated at boot. */
  readonly optionsSchema: Schema;
  readonly defaultOptions: z.input<Schema>;
  build(options: z.output<Schema>): JurisdictionPolicies;
}

export function defineJurisdictionAdapter<Schema extends z.ZodType>(
  definition: JurisdictionAdapterDefinition<Schema>,
): JurisdictionAdapterDefinition<Schema> {
  return definition;
}

/** Shape checks of built policies (their bounds beyond shape are the registry's job). */
export const jurisdictionPoliciesSchema = z.object({
  fx: fxPolicySchema,
  privacy: privacyPolicySchema,
  signing: signingPolicySchema,
  aml: amlPolicySchema,
  settlement: settlementPolicySchema,
});

export { jurisdictionIdentitySchema };
