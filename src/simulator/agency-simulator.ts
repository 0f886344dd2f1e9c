/**
 * An agency simulator: a small Hono app that plays a foreign social-security agency against a
 * Pontis gateway over real HTTP. It sends signed calls through the partner SDK (and verifies the
 * gateway's signed responses), and receives the gateway's callbacks, verifies them against the
 * published JWKS and deduplicates them by event id. Runs wherever Hono runs (no Node imports);
 * `serve.ts` puts it on a Node port.
 *
 * Nothing it logs carries personal data: event ids, types, states, statuses and error reasons only.
 */

import { Hono } from 'hono';
import type { InsuredPerson } from '../../schemas/privacy.ts';
import {
  createPartnerClient,
  type JsonWebKeySet,
  type PartnerResponse,
  type PartnerSigningKey,
  type SignatureScheme,
  verifyCallback,
} from '../../sdk/src/client.ts';
import { isSignatureError, SignatureError } from '../../sdk/src/errors.ts';
import type { Logger } from '../core/logger.ts';
import { SIGNATURE_FAILURE_CODES } from '../services/partners/authenticate.ts';

export interface AgencySimulatorOptions {
  /** The gateway's base URL, e.g. http://127.0.0.1:3000 (signatures cover it exactly). */
  gatewayUrl: string;
  /** The partner id the gateway registered, e.g. 'de-drv-demo'. */
  partnerId: string;
  /** The agency's private key (JWK + the registered kid). */
  key: PartnerSigningKey;
  scheme?: SignatureScheme;
  fetch?: typeof fetch;
  now?: () => Date;
  /** The public URL under which the gateway reaches this simulator's /callbacks (default: the URL the request arrived on). */
  callbackUrl?: string;
  /** The partner jurisdiction a simulated quote names; default 'DE'. */
  jurisdiction?: string;
  /** Where to log (event ids, types, statuses only); default: no logging. */
  logger?: Logger;
}

export interface ReceivedCallback {
  eventId: string;
  type: string;
  verified: boolean;
  error?: string;
  keyid?: string;
  receivedAt: string;
  duplicate: boolean;
  event?: unknown;
}

export interface RoundTripStep {
  /** The gateway's HTTP status; 0 when no response arrived (or the step was not sent). */
  status: number;
  id?: string;
  signatureVerified: boolean;
  keyid?: string;
  /** Why the step failed: a refused response signature, a connection error, or an error status. */
  error?: string;
  /** The gateway's problem document when it answered with an error. */
  problem?: unknown;
}

export interface RoundTrip {
  ok: boolean;
  quote: RoundTripStep;
  transfer: RoundTripStep & { state?: string };
}

export interface ContributionInput {
  amount?: string;
  currency?: string;
  jurisdiction?: string;
  purpose?: 'contribution';
  /** The insured person the contribution is for; a fictional demo person when absent, `null` for none. */
  insuredPerson?: InsuredPerson | null;
}

/**
 * A fictional insured person the simulated agency pays contributions for: a valid German pension
 * insurance number from the adapter's own examples, an invented name and a test IBAN.
 */
export const DEMO_INSURED_PERSON: InsuredPerson = {
  nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: '13001286B500' },
  name: { given: 'Lan', family: 'Beispiel', original: '兰' },
  birthDate: '1986-12-13',
  bankAccount: { iban: 'DE89370400440532013000' },
  preferredLanguage: 'de',
};

export interface AgencySimulator {
  app: Hono;
  /** The last {@link MAX_RECEIVED} callbacks, oldest first. */
  received: ReceivedCallback[];
  runContribution(input?: ContributionInput): Promise<RoundTrip>;
}

export const MAX_RECEIVED = 200;
/** How many processed event ids are remembered for deduplication. */
export const MAX_REMEMBERED_EVENTS = 10_000;
/** Callbacks are small JSON events; anything larger is refused unread. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

const AMOUNT = /^\d{1,12}(\.\d{1,4})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const JURISDICTION = /^[A-Z]{2}$/;

/** A short printable excerpt of an untrusted value, for the record only. */
function excerpt(value: unknown, max = 100): string {
  return typeof value === 'string' ? value.replace(/[^\x20-\x7e]/g, '?').slice(0, max) : '';
}

/** The gateway's JWKS could not be fetched: a callback is then neither accepted nor refused as forged. */
class GatewayKeysUnavailable extends Error {
  override name = 'GatewayKeysUnavailable';
}

function explain(error: unknown): string {
  if (isSignatureError(error)) return `${SIGNATURE_FAILURE_CODES[error.reason]}: ${error.message}`;
  if (error instanceof SyntaxError) return 'malformed JSON';
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}

export function createAgencySimulator(options: AgencySimulatorOptions): AgencySimulator {
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const now = options.now ?? (() => new Date());
  const gatewayUrl = options.gatewayUrl.replace(/\/+$/, '');
  const jwksUrl = `${gatewayUrl}/.well-known/jwks.json`;
  const scheme = options.scheme ?? 'http-message-signatures';
  const log = options.logger;
  const received: ReceivedCallback[] = [];
  const processed = new Set<string>();

  // The gateway's JWKS, fetched once and again when a signature names a key it does not hold.
  let cachedKeys: Promise<JsonWebKeySet> | undefined;
  const gatewayKeys = (refresh = false): Promise<JsonWebKeySet> => {
    if (!cachedKeys || refresh) {
      const loading = (async () => {
        let response: Response;
        try {
          response = await send(jwksUrl);
        } catch (error) {
          throw new GatewayKeysUnavailable(`GET /.well-known/jwks.json failed: ${explain(error)}`);
        }
        if (!response.ok) {
          throw new GatewayKeysUnavailable(`GET /.well-known/jwks.json answered ${response.status}`);
        }
        const set = (await response.json().catch(() => undefined)) as JsonWebKeySet | undefined;
        if (!Array.isArray(set?.keys))
          throw new GatewayKeysUnavailable('the gateway JWKS has no "keys" array');
        return set;
      })();
      cachedKeys = loading;
      loading.catch(() => {
        if (cachedKeys === loading) cachedKeys = undefined;
      });
    }
    return cachedKeys;
  };

  /**
   * A fetch for one SDK client: the client's JWKS requests are answered from the shared cache
   * (its second request, after an unknown key id, refreshes it); every other response's status
   * is noted, so a step whose signature fails to verify still reports what the gateway answered.
   */
  const clientFetch = (statuses: number[]): typeof fetch => {
    let jwksRequests = 0;
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url === jwksUrl) {
        const set = await gatewayKeys(jwksRequests++ > 0);
        return new Response(JSON.stringify(set), { headers: { 'content-type': 'application/json' } });
      }
      const response = await send(input, init);
      statuses.push(response.status);
      return response;
    }) as typeof fetch;
  };

  function record(entry: ReceivedCallback): void {
    received.push(entry);
    if (received.length > MAX_RECEIVED) received.splice(0, received.length - MAX_RECEIVED);
  }

  function remember(eventId: string): void {
    processed.add(eventId);
    if (processed.size > MAX_REMEMBERED_EVENTS) {
      const oldest = processed.values().next().value;
      if (oldest !== undefined) processed.delete(oldest);
    }
  }

  async function step<T extends { id?: string }>(
    call: (client: ReturnType<typeof createPartnerClient>) => Promise<PartnerResponse<T>>,
  ): Promise<{ step: RoundTripStep; body?: T }> {
    const statuses: number[] = [];
    const client = createPartnerClient({
      baseUrl: gatewayUrl,
      key: options.key,
      partnerId: options.partnerId,
      scheme,
      fetch: clientFetch(statuses),
      now,
    });
    try {
      const response = await call(client);
      const result: RoundTripStep = {
        status: response.status,
        signatureVerified: response.signature !== undefined,
        ...(response.signature ? { keyid: response.signature.keyid } : {}),
      };
      if (response.status >= 200 && response.status < 300) {
        if (typeof response.body?.id === 'string') result.id = response.body.id;
        else result.error = `the gateway answered ${response.status} without an id`;
        return { step: result, body: response.body };
      }
      result.error = `the gateway answered ${response.status}`;
      result.problem = response.body;
      return { step: result };
    } catch (error) {
      // A response that does not verify is a failed step, whatever its status.
      return {
        step: {
          status: statuses.at(-1) ?? 0,
          signatureVerified: false,
          error:
            error instanceof SignatureError
              ? `the gateway's response signature was refused: ${explain(error)}`
              : `no usable answer from the gateway: ${explain(error)}`,
        },
      };
    }
  }

  async function runContribution(input: ContributionInput = {}): Promise<RoundTrip> {
    const quoteBody = {
      purpose: input.purpose ?? 'contribution',
      partnerJurisdiction: input.jurisdiction ?? options.jurisdiction ?? 'DE',
      sourceCurrency: input.currency ?? 'EUR',
      targetCurrency: 'CNY',
      sourceAmount: input.amount ?? '250.00',
    };
    const quote = await step<{ id?: string }>((client) =>
      client.request('POST', '/v1/quotes', { body: quoteBody }),
    );
    if (!quote.step.id) {
      const result: RoundTrip = {
        ok: false,
        quote: quote.step,
        transfer: { status: 0, signatureVerified: false, error: 'not sent: the quote failed' },
      };
      log?.warn('simulated contribution failed', { step: 'quote', status: quote.step.status });
      return result;
    }
    const quoteId = quote.step.id;
    const transfer = await step<{ id?: string; state?: string }>((client) =>
      client.request('POST', '/v1/transfers', {
        body: {
          quoteId,
          ...(input.insuredPerson === null
            ? {}
            : { insuredPerson: input.insuredPerson ?? DEMO_INSURED_PERSON }),
        },
        idempotencyKey: `sim-${crypto.randomUUID()}`,
      }),
    );
    const state = transfer.body?.state;
    const result: RoundTrip = {
      ok: transfer.step.id !== undefined,
      quote: quote.step,
      transfer: { ...transfer.step, ...(typeof state === 'string' ? { state } : {}) },
    };
    if (result.ok) {
      log?.info('simulated contribution', {
        quoteId,
        transferId: result.transfer.id,
        state: result.transfer.state,
      });
    } else {
      log?.warn('simulated contribution failed', { step: 'transfer', status: transfer.step.status });
    }
    return result;
  }

  async function verify(request: { method: string; url: string; headers: Headers; body: Uint8Array }) {
    const verifyOptions = { now };
    try {
      return await verifyCallback(request, await gatewayKeys(), verifyOptions);
    } catch (error) {
      if (!isSignatureError(error, 'key_unknown')) throw error;
      // The gateway may have rotated its key since the set was fetched: fetch once more.
      return verifyCallback(request, await gatewayKeys(true), verifyOptions);
    }
  }

  const app = new Hono();

  app.get('/', (c) =>
    c.text(
      [
        'Pontis agency simulator',
        '',
        'Plays a partner social-security agency against a Pontis gateway: sends signed requests',
        '(RFC 9421 or detached JWS) through the partner SDK, verifies the signed responses, and',
        'receives and verifies the gateway’s signed callbacks.',
        '',
        `partner id:     ${options.partnerId}`,
        `gateway:        ${gatewayUrl}`,
        `signing scheme: ${scheme}`,
        '',
        'Endpoints:',
        '  POST /simulate/contribution   signed quote + transfer; body (optional): {"amount","currency"}',
        '  POST /callbacks               where the gateway delivers signed callbacks',
        '  GET  /callbacks               the callbacks received (newest last)',
        '',
      ].join('\n'),
    ),
  );

  app.get('/callbacks', (c) => c.json(received));

  app.post('/callbacks', async (c) => {
    const receivedAt = now().toISOString();
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > MAX_CALLBACK_BYTES) return c.json({ error: 'payload_too_large' }, 413);
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (body.byteLength > MAX_CALLBACK_BYTES) return c.json({ error: 'payload_too_large' }, 413);
    const headers = c.req.raw.headers;
    const url = options.callbackUrl ?? c.req.url;
    try {
      const verified = await verify({ method: c.req.method, url, headers, body });
      const event = verified.event as { type?: unknown; data?: { transferId?: unknown; state?: unknown } };
      const duplicate = processed.has(verified.eventId);
      const type = excerpt(event.type);
      record({
        eventId: verified.eventId,
        type,
        verified: true,
        keyid: verified.keyid,
        receivedAt,
        duplicate,
        event: verified.event,
      });
      if (duplicate) {
        log?.info('callback already processed', { eventId: verified.eventId, type });
      } else {
        remember(verified.eventId);
        log?.info('callback processed', {
          eventId: verified.eventId,
          type,
          transferId: excerpt(event.data?.transferId),
          state: excerpt(event.data?.state),
        });
      }
      return c.body(null, 204);
    } catch (error) {
      // Not verified: nothing in it is trusted; record only the claimed event id and type.
      let claimedType = '';
      try {
        claimedType = excerpt((JSON.parse(new TextDecoder().decode(body)) as { type?: unknown }).type);
      } catch {
        // not JSON
      }
      const keysUnavailable = error instanceof GatewayKeysUnavailable;
      const reason = explain(error);
      record({
        eventId: excerpt(headers.get('pontis-event-id')),
        type: claimedType,
        verified: false,
        error: reason,
        receivedAt,
        duplicate: false,
      });
      log?.warn('callback refused', { eventId: excerpt(headers.get('pontis-event-id')), reason });
      // 401 (or 503 when the gateway's keys cannot be fetched): the gateway retries.
      if (keysUnavailable) return c.json({ error: 'gateway_keys_unavailable', detail: reason }, 503);
      const code = isSignatureError(error) ? SIGNATURE_FAILURE_CODES[error.reason] : 'callback_malformed';
      return c.json({ error: code, detail: reason }, 401);
    }
  });

  app.post('/simulate/contribution', async (c) => {
    const text = await c.req.text();
    let input: ContributionInput = {};
    if (text.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return c.json({ error: 'invalid_request', detail: 'The body is not JSON.' }, 400);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return c.json({ error: 'invalid_request', detail: 'The body must be a JSON object.' }, 400);
      }
      const { amount, currency, jurisdiction } = parsed as Record<string, unknown>;
      if (amount !== undefined && (typeof amount !== 'string' || !AMOUNT.test(amount))) {
        return c.json({ error: 'invalid_request', detail: 'amount must be a decimal string.' }, 400);
      }
      if (currency !== undefined && (typeof currency !== 'string' || !CURRENCY.test(currency))) {
        return c.json({ error: 'invalid_request', detail: 'currency must be an ISO 4217 code.' }, 400);
      }
      if (
        jurisdiction !== undefined &&
        (typeof jurisdiction !== 'string' || !JURISDICTION.test(jurisdiction))
      ) {
        return c.json({ error: 'invalid_request', detail: 'jurisdiction must be a country code.' }, 400);
      }
      input = {
        ...(amount !== undefined ? { amount: amount as string } : {}),
        ...(currency !== undefined ? { currency: currency as string } : {}),
        ...(jurisdiction !== undefined ? { jurisdiction: jurisdiction as string } : {}),
      };
    }
    const result = await runContribution(input);
    return c.json(result, result.ok ? 200 : 502);
  });

  return { app, received, runContribution };
}
