/**
 * The legal bases of a transfer's personal-data flows, from the adapters' declarations: the
 * exporting jurisdiction's regime and mechanism (GDPR Art. 45/46/49, PIPL Art. 38 or its
 * contract-necessity exemption, or national law) for each direction the person's data travels.
 */
import type { LegalBasis } from '../../../schemas/privacy.ts';
import type { JurisdictionAdapter, ProcessingPurpose } from '../../ports/index.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';

export type LegalBasisRecord = LegalBasis;

function flow(from: JurisdictionAdapter, to: JurisdictionAdapter): LegalBasisRecord {
  const { regime, outboundTransfer } = from.privacy;
  return {
    from: from.identity.code,
    to: to.identity.code,
    regime,
    mechanism: outboundTransfer.mechanism,
    article: outboundTransfer.article,
    reference: outboundTransfer.reference,
  };
}

/**
 * Who exports the person's data for a purpose: a contribution's data comes from the partner
 * country; benefits, life certificates and statistics go out from the home fund.
 */
/** True when the purpose's data travels from the partner country to the home (contributions). */
export function exportedByPartner(purpose: ProcessingPurpose): boolean {
  return purpose === 'contribution_collection';
}

export function exporterFor(
  home: JurisdictionAdapter,
  partner: JurisdictionAdapter,
  purpose: ProcessingPurpose,
): JurisdictionAdapter {
  return exportedByPartner(purpose) ? partner : home;
}

/** The primary flow first (exporter → importer), then the return flow (answers, confirmations). */
export function legalBasesFor(
  registry: AdapterRegistry,
  partner: JurisdictionAdapter,
  purpose: ProcessingPurpose,
): LegalBasisRecord[] {
  const exporter = exporterFor(registry.home, partner, purpose);
  const importer = exporter === partner ? registry.home : partner;
  return [flow(exporter, importer), flow(importer, exporter)];
}
