/**
 * The partner registry: agencies, their keys (with activation and retirement), the trust anchors
 * their certificates must chain to, and the revocation lists of those anchors. Every change is
 * audited in the same transaction; keys are never deleted.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Database, Executor, Transaction } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/driver-errors.ts';
import { partnerAgencies, partnerKeys, revokedCertificates, trustAnchors } from '../../db/schema.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { recordAudit } from '../audit/audit.ts';
import { USER_ID_PATTERN } from '../users/users.ts';
import { describeCertificate, parseCrl, validateCertificateChain } from './certificates.ts';
import { parsePartnerKeyFile } from './key-material.ts';

export interface RegistryContext {
  actor: string;
  now: Date;
  requestId?: string | undefined;
}

export type PartnerRow = typeof partnerAgencies.$inferSelect;
export type PartnerKeyRow = typeof partnerKeys.$inferSelect;
export type KeyState = 'pending' | 'active' | 'retired';

export function keyState(key: Pick<PartnerKeyRow, 'activatesAt' | 'retiredAt'>, now: Date): KeyState {
  if (key.retiredAt && key.retiredAt.getTime() <= now.getTime()) return 'retired';
  if (key.activatesAt.getTime() > now.getTime()) return 'pending';
  return 'active';
}

export interface PartnerKeyView {
  kid: string;
  family: PartnerKeyRow['family'];
  state: KeyState;
  activatesAt: string;
  retiredAt: string | null;
  publicJwk: Record<string, unknown>;
  certificate: {
    serial: string;
    issuer: string;
    subject: string;
    notBefore: string;
    notAfter: string;
  } | null;
  createdAt: string;
}

export interface PartnerView {
  id: string;
  object: 'partner';
  name: string;
  jurisdiction: string;
  status: PartnerRow['status'];
  callbackUrl: string | null;
  keys: PartnerKeyView[];
  createdAt: string;
}

function keyView(key: PartnerKeyRow, now: Date): PartnerKeyView {
  return {
    kid: key.kid,
    family: key.family,
    state: keyState(key, now),
    activatesAt: key.activatesAt.toISOString(),
    retiredAt: key.retiredAt?.toISOString() ?? null,
    publicJwk: key.publicJwk as Record<string, unknown>,
    certificate:
      key.certificateSerial && key.certificateNotBefore && key.certificateNotAfter
        ? {
            serial: key.certificateSerial,
            issuer: key.certificateIssuer ?? '',
            subject: key.certificateSubject ?? '',
            notBefore: key.certificateNotBefore.toISOString(),
            notAfter: key.certificateNotAfter.toISOString(),
          }
        : null,
    createdAt: key.createdAt.toISOString(),
  };
}

function partnerView(partner: PartnerRow, keys: PartnerKeyRow[], now: Date): PartnerView {
  return {
    id: partner.id,
    object: 'partner',
    name: partner.name,
    jurisdiction: partner.jurisdictionCode,
    status: partner.status,
    callbackUrl: partner.callbackUrl,
    keys: keys.map((key) => keyView(key, now)),
    createdAt: partner.createdAt.toISOString(),
  };
}

/** A callback URL must be absolute https (http only to loopback, for local testing). */
export function checkCallbackUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GatewayError('validation_failed', 'The callback URL is not an absolute URL.');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new GatewayError('validation_failed', 'The callback URL must use https (http only to localhost).');
  }
  if (parsed.username || parsed.password) {
    throw new GatewayError('validation_failed', 'The callback URL must not carry credentials.');
  }
  return parsed.toString();
}

export interface UpsertPartnerInput {
  id: string;
  jurisdiction: string;
  name?: string | undefined;
  callbackUrl?: string | null | undefined;
}

/** Creates the partner, or updates its name and callback URL; its jurisdiction never changes. */
export async function upsertPartner(
  db: Database,
  registry: AdapterRegistry,
  input: UpsertPartnerInput,
  context: RegistryContext,
): Promise<PartnerRow> {
  return db.transaction((tx) => upsertPartnerIn(tx, registry, input, context));
}

async function upsertPartnerIn(
  db: Transaction,
  registry: AdapterRegistry,
  input: UpsertPartnerInput,
  context: RegistryContext,
): Promise<PartnerRow> {
  if (!USER_ID_PATTERN.test(input.id)) {
    throw new GatewayError(
      'validation_failed',
      'A partner id is 2 to 63 lower-case letters, digits, ".", "_" or "-".',
    );
  }
  const adapter = registry.get(input.jurisdiction);
  if (!adapter || adapter.identity.kind === 'home') {
    throw new GatewayError(
      'jurisdiction_unknown',
      `${input.jurisdiction} is not an enabled partner jurisdiction of this gateway.`,
    );
  }
  const callbackUrl =
    input.callbackUrl === undefined || input.callbackUrl === null
      ? input.callbackUrl
      : checkCallbackUrl(input.callbackUrl);
  const [existing] = await db
    .select()
    .from(partnerAgencies)
    .where(eq(partnerAgencies.id, input.id))
    .for('update');
  if (existing) {
    if (existing.jurisdictionCode !== input.jurisdiction) {
      throw new GatewayError(
        'partner_conflict',
        `Partner ${input.id} belongs to ${existing.jurisdictionCode}, not ${input.jurisdiction}.`,
      );
    }
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(callbackUrl !== undefined ? { callbackUrl } : {}),
    };
    if (Object.keys(changes).length === 0) return existing;
    const [updated] = await db
      .update(partnerAgencies)
      .set(changes)
      .where(eq(partnerAgencies.id, input.id))
      .returning();
    await audit(db, context, 'partner.updated', 'partner', input.id, { fields: Object.keys(changes) });
    return updated ?? existing;
  }
  const [created] = await db
    .insert(partnerAgencies)
    .values({
      id: input.id,
      jurisdictionCode: input.jurisdiction,
      name: input.name ?? input.id,
      callbackUrl: callbackUrl ?? null,
      createdAt: context.now,
    })
    .returning();
  if (!created) throw new Error('insert into partner_agencies returned no row');
  await audit(db, context, 'partner.created', 'partner', input.id, { jurisdiction: input.jurisdiction });
  return created;
}

async function audit(
  tx: Transaction,
  context: RegistryContext,
  action: string,
  subjectType: 'partner' | 'partner_key' | 'trust_anchor',
  subjectId: string,
  data: Record<string, unknown>,
) {
  await recordAudit(tx, {
    actor: context.actor,
    action,
    subjectType,
    subjectId,
    requestId: context.requestId,
    data,
    now: context.now,
  });
}

async function getPartnerRow(db: Executor, partnerId: string): Promise<PartnerRow> {
  const [partner] = await db.select().from(partnerAgencies).where(eq(partnerAgencies.id, partnerId));
  if (!partner) throw new GatewayError('partner_not_found', `No partner agency ${partnerId}.`);
  return partner;
}

/** At registration an out-of-date certificate is a bad input (422), not a refused signature (401). */
function validateForRegistration(input: Parameters<typeof validateCertificateChain>[0]) {
  try {
    return validateCertificateChain(input);
  } catch (error) {
    if (
      error instanceof GatewayError &&
      (error.code === 'certificate_expired' || error.code === 'certificate_not_yet_valid')
    ) {
      throw new GatewayError('certificate_untrusted', `${error.message} Register a certificate valid now.`, {
        details: { reason: error.code },
      });
    }
    throw error;
  }
}

export interface AddKeysInput {
  partnerId: string;
  /** A PEM public key, a JWK, a JWKS or a PEM certificate (chain). */
  keyText: string;
  kid?: string | undefined;
  /** When the key may start signing; default now. Registering ahead is how rotation overlaps. */
  activatesAt?: Date | undefined;
}

/** Parses, checks (certificate chain against the jurisdiction's anchors) and stores the keys. */
export async function addPartnerKeys(
  db: Database,
  input: AddKeysInput,
  context: RegistryContext,
): Promise<PartnerKeyView[]> {
  const material = await parsePartnerKeyFile(input.keyText, input.kid ? { kid: input.kid } : {});
  return db
    .transaction(async (tx) => storeKeys(tx, material, input, context))
    .catch((error: unknown) => {
      // Two registrations of one kid at the same moment: the unique index decides, the loser hears why.
      if (isUniqueViolation(error, 'partner_keys_kid_unique')) {
        throw new GatewayError('partner_conflict', 'A key with this kid was registered meanwhile.');
      }
      throw error;
    });
}

async function storeKeys(
  tx: Transaction,
  material: Awaited<ReturnType<typeof parsePartnerKeyFile>>,
  input: AddKeysInput,
  context: RegistryContext,
): Promise<PartnerKeyView[]> {
  const partner = await getPartnerRow(tx, input.partnerId);
  const activatesAt = input.activatesAt ?? context.now;
  const anchors = material.some((key) => key.certificate)
    ? await tx.select().from(trustAnchors).where(eq(trustAnchors.jurisdictionCode, partner.jurisdictionCode))
    : [];
  const taken = await tx
    .select({ kid: partnerKeys.kid })
    .from(partnerKeys)
    .where(
      inArray(
        partnerKeys.kid,
        material.map((key) => key.kid),
      ),
    );
  if (taken.length > 0) {
    throw new GatewayError('partner_conflict', `A key with kid ${taken[0]?.kid} is already registered.`, {
      details: { kid: taken[0]?.kid },
    });
  }
  const rows: PartnerKeyRow[] = [];
  for (const key of material) {
    let certificate: ReturnType<typeof validateCertificateChain> | undefined;
    let anchorId: string | null = null;
    if (key.certificate) {
      certificate = validateForRegistration({
        leafPem: key.certificate.pem,
        chainPems: key.certificate.chainPems,
        anchorPems: anchors.map((anchor) => anchor.certificatePem),
        // A renewed seal may be registered ahead: it must be valid when the key starts signing.
        at: activatesAt.getTime() > context.now.getTime() ? activatesAt : context.now,
      });
      anchorId =
        anchors.find((anchor) => anchor.fingerprintSha256 === certificate?.anchorFingerprintSha256)?.id ??
        null;
      if (anchorId && (await isRevoked(tx, anchorId, certificate.serial))) {
        throw new GatewayError('certificate_untrusted', "The certificate is revoked by its issuer's CRL.", {
          details: { reason: 'certificate_revoked', serial: certificate.serial },
        });
      }
    }
    const [row] = await tx
      .insert(partnerKeys)
      .values({
        id: newId('partnerKey', context.now.getTime()),
        partnerId: partner.id,
        kid: key.kid,
        family: key.family,
        publicJwk: key.jwk,
        certificatePem: key.certificate?.pem ?? null,
        certificateSerial: certificate?.serial ?? null,
        certificateIssuer: certificate?.issuer ?? null,
        certificateSubject: certificate?.subject ?? null,
        certificateNotBefore: certificate?.notBefore ?? null,
        certificateNotAfter: certificate?.notAfter ?? null,
        trustAnchorId: anchorId,
        activatesAt,
        createdBy: context.actor,
        createdAt: context.now,
      })
      .returning();
    if (!row) throw new Error('insert into partner_keys returned no row');
    await audit(tx, context, 'partner_key.added', 'partner_key', row.id, {
      partnerId: partner.id,
      kid: key.kid,
      family: key.family,
      activatesAt: activatesAt.toISOString(),
      ...(certificate
        ? { certificateSerial: certificate.serial, certificateIssuer: certificate.issuer }
        : {}),
    });
    rows.push(row);
  }
  return rows.map((row) => keyView(row, context.now));
}

/** Retires a key at `at` (default now); it keeps verifying archived messages, never new ones. */
export async function retirePartnerKey(
  db: Database,
  input: { partnerId: string; kid: string; at?: Date | undefined },
  context: RegistryContext,
): Promise<PartnerKeyView> {
  return db.transaction(async (tx) => {
    await getPartnerRow(tx, input.partnerId);
    const [key] = await tx
      .select()
      .from(partnerKeys)
      .where(and(eq(partnerKeys.partnerId, input.partnerId), eq(partnerKeys.kid, input.kid)))
      .for('update');
    if (!key)
      throw new GatewayError('partner_key_not_found', `Partner ${input.partnerId} has no key ${input.kid}.`);
    const at = input.at ?? context.now;
    if (key.retiredAt && key.retiredAt.getTime() <= context.now.getTime()) {
      throw new GatewayError('invalid_state_transition', `Key ${input.kid} is already retired.`);
    }
    const [row] = await tx
      .update(partnerKeys)
      .set({ retiredAt: at })
      .where(eq(partnerKeys.id, key.id))
      .returning();
    if (!row) throw new Error('update of partner_keys returned no row');
    await audit(tx, context, 'partner_key.retired', 'partner_key', key.id, {
      partnerId: input.partnerId,
      kid: input.kid,
      retiredAt: at.toISOString(),
    });
    return keyView(row, context.now);
  });
}

export async function listPartners(db: Executor, now: Date): Promise<PartnerView[]> {
  const partners = await db.select().from(partnerAgencies).orderBy(asc(partnerAgencies.id));
  const keys = await db.select().from(partnerKeys).orderBy(asc(partnerKeys.createdAt), asc(partnerKeys.id));
  return partners.map((partner) =>
    partnerView(
      partner,
      keys.filter((key) => key.partnerId === partner.id),
      now,
    ),
  );
}

export async function getPartner(db: Executor, partnerId: string, now: Date): Promise<PartnerView> {
  const partner = await getPartnerRow(db, partnerId);
  const keys = await db
    .select()
    .from(partnerKeys)
    .where(eq(partnerKeys.partnerId, partnerId))
    .orderBy(asc(partnerKeys.createdAt), asc(partnerKeys.id));
  return partnerView(partner, keys, now);
}

export interface TrustAnchorView {
  id: string;
  jurisdiction: string;
  subject: string;
  fingerprintSha256: string;
  notAfter: string;
  crl: { thisUpdate: string; nextUpdate: string | null; revoked: number } | null;
}

function anchorView(anchor: typeof trustAnchors.$inferSelect, revoked: number): TrustAnchorView {
  return {
    id: anchor.id,
    jurisdiction: anchor.jurisdictionCode,
    subject: anchor.subject,
    fingerprintSha256: anchor.fingerprintSha256,
    notAfter: anchor.notAfter.toISOString(),
    crl: anchor.crlThisUpdate
      ? {
          thisUpdate: anchor.crlThisUpdate.toISOString(),
          nextUpdate: anchor.crlNextUpdate?.toISOString() ?? null,
          revoked,
        }
      : null,
  };
}

/** Adds a CA certificate that agency seals of `jurisdiction` may chain to. */
export async function addTrustAnchor(
  db: Database,
  registry: AdapterRegistry,
  input: { jurisdiction: string; pem: string },
  context: RegistryContext,
): Promise<TrustAnchorView> {
  if (!registry.get(input.jurisdiction)) {
    throw new GatewayError('jurisdiction_unknown', `${input.jurisdiction} is not enabled on this gateway.`);
  }
  const certificate = describeCertificate(input.pem);
  if (!certificate.isCa) {
    throw new GatewayError(
      'certificate_untrusted',
      'A trust anchor must be a CA certificate (basicConstraints cA).',
    );
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(trustAnchors)
      .where(
        and(
          eq(trustAnchors.jurisdictionCode, input.jurisdiction),
          eq(trustAnchors.fingerprintSha256, certificate.fingerprintSha256),
        ),
      );
    if (existing) return anchorView(existing, await revokedCount(tx, existing.id));
    const [row] = await tx
      .insert(trustAnchors)
      .values({
        id: newId('trustAnchor', context.now.getTime()),
        jurisdictionCode: input.jurisdiction,
        subject: certificate.subject,
        fingerprintSha256: certificate.fingerprintSha256,
        certificatePem: input.pem.trim(),
        notAfter: certificate.notAfter,
        createdBy: context.actor,
        createdAt: context.now,
      })
      .returning();
    if (!row) throw new Error('insert into trust_anchors returned no row');
    await audit(tx, context, 'trust_anchor.added', 'trust_anchor', row.id, {
      jurisdiction: input.jurisdiction,
      subject: certificate.subject,
      fingerprintSha256: certificate.fingerprintSha256,
    });
    return anchorView(row, 0);
  });
}

export async function listTrustAnchors(db: Executor): Promise<TrustAnchorView[]> {
  const anchors = await db
    .select()
    .from(trustAnchors)
    .orderBy(asc(trustAnchors.jurisdictionCode), asc(trustAnchors.id));
  const revoked = await db.select({ anchor: revokedCertificates.trustAnchorId }).from(revokedCertificates);
  return anchors.map((anchor) =>
    anchorView(anchor, revoked.filter((row) => row.anchor === anchor.id).length),
  );
}

/**
 * Loads a CRL: finds every anchor whose signature it carries (the same CA may be trusted for
 * several jurisdictions, one anchor row each), refuses one older than a loaded one, and replaces
 * those anchors' revoked serials, all in one transaction.
 */
export async function importCrl(
  db: Database,
  input: { crlText: string },
  context: RegistryContext,
): Promise<TrustAnchorView> {
  const anchors = await db
    .select()
    .from(trustAnchors)
    .orderBy(asc(trustAnchors.jurisdictionCode), asc(trustAnchors.id));
  const matches: { anchor: (typeof anchors)[number]; crl: ReturnType<typeof parseCrl> }[] = [];
  let lastError: unknown;
  for (const candidate of anchors) {
    try {
      matches.push({
        anchor: candidate,
        crl: parseCrl(input.crlText, candidate.certificatePem, context.now),
      });
    } catch (error) {
      lastError = error;
    }
  }
  if (matches.length === 0) {
    if (lastError instanceof GatewayError && anchors.length === 1) throw lastError;
    throw new GatewayError('crl_invalid', 'The CRL is not signed by any registered trust anchor.');
  }
  return db.transaction(async (tx) => {
    const views: TrustAnchorView[] = [];
    for (const { anchor: found, crl } of matches) {
      const [current] = await tx
        .select()
        .from(trustAnchors)
        .where(eq(trustAnchors.id, found.id))
        .for('update');
      if (current?.crlThisUpdate && current.crlThisUpdate.getTime() >= crl.thisUpdate.getTime()) {
        if (current.crlSha256 === crl.fingerprintSha256) {
          views.push(anchorView(current, crl.revoked.length));
          continue;
        }
        throw new GatewayError('crl_invalid', 'This CRL is not newer than the one already loaded.', {
          details: { loadedThisUpdate: current.crlThisUpdate.toISOString() },
        });
      }
      await tx.delete(revokedCertificates).where(eq(revokedCertificates.trustAnchorId, found.id));
      if (crl.revoked.length > 0) {
        await tx
          .insert(revokedCertificates)
          .values(
            crl.revoked.map((entry) => ({
              trustAnchorId: found.id,
              serial: entry.serial,
              revokedAt: entry.revokedAt,
            })),
          )
          .onConflictDoNothing();
      }
      const [row] = await tx
        .update(trustAnchors)
        .set({
          crlThisUpdate: crl.thisUpdate,
          crlNextUpdate: crl.nextUpdate ?? null,
          crlSha256: crl.fingerprintSha256,
        })
        .where(eq(trustAnchors.id, found.id))
        .returning();
      if (!row) throw new Error('update of trust_anchors returned no row');
      await audit(tx, context, 'trust_anchor.crl_loaded', 'trust_anchor', found.id, {
        thisUpdate: crl.thisUpdate.toISOString(),
        revoked: crl.revoked.length,
        sha256: crl.fingerprintSha256,
      });
      views.push(anchorView(row, crl.revoked.length));
    }
    return views[0] as TrustAnchorView;
  });
}

async function revokedCount(db: Executor, trustAnchorId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(revokedCertificates)
    .where(eq(revokedCertificates.trustAnchorId, trustAnchorId));
  return Number(row?.count ?? 0);
}

/** Whether the anchor's CRL lists this serial (as of the newest CRL loaded). */
export async function isRevoked(db: Executor, trustAnchorId: string, serial: string): Promise<boolean> {
  const [row] = await db
    .select({ serial: revokedCertificates.serial })
    .from(revokedCertificates)
    .where(and(eq(revokedCertificates.trustAnchorId, trustAnchorId), eq(revokedCertificates.serial, serial)));
  return Boolean(row);
}

/** The key a signature names, with its partner; undefined when no such kid is registered. */
export async function findKey(
  db: Executor,
  kid: string,
): Promise<{ key: PartnerKeyRow; partner: PartnerRow } | undefined> {
  const [row] = await db
    .select({ key: partnerKeys, partner: partnerAgencies })
    .from(partnerKeys)
    .innerJoin(partnerAgencies, eq(partnerAgencies.id, partnerKeys.partnerId))
    .where(eq(partnerKeys.kid, kid));
  return row;
}
