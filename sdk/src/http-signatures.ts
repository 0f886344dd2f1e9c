/**
 * RFC 9421 HTTP Message Signatures: parses `Signature-Input`/`Signature`, builds signature bases,
 * signs and verifies requests and responses, so partner and gateway compute the same bytes.
 *
 * What is not supported, and refused with a clear reason rather than guessed: trailers (`tr`),
 * HMAC, and `bs` over several field lines (a `Headers` object keeps only the combined value, so
 * `bs` wraps that value as one byte sequence).
 */
import {
  type BareItem,
  type Dictionary,
  type InnerList,
  type Item,
  isInnerList,
  isValidKeyStr,
  type Parameters,
  parseDictionary,
  parseItem,
  parseList,
  serializeDictionary,
  serializeInnerList,
  serializeItem,
  serializeList,
  Token,
} from 'structured-headers';
import { type HttpSignatureAlgorithm, signBytes, verifyBytes } from './algorithms.ts';
import { base64Encode, base64UrlEncode, toArrayBufferView, utf8 } from './encoding.ts';
import { SignatureError } from './errors.ts';

/**
 * An HTTP message as RFC 9421 sees it. A request has `method` and `url` (absolute; it is parsed
 * with the WHATWG URL parser, so `@target-uri` is its normalised `href` without fragment or
 * userinfo); a response has `status`. Components flagged `req` on a response are read from a
 * separately passed request.
 */
export interface HttpMessage {
  method?: string;
  url?: string;
  status?: number;
  headers: Headers;
}

/** A value of a component parameter (`name`, `key`, `sf`, `bs`, `req`, …). */
export type ComponentParamValue = string | number | boolean;

/** A covered component: a derived component (`@method`) or a lowercase field name, with parameters. */
export interface ComponentId {
  name: string;
  params: Map<string, ComponentParamValue>;
}

/** The signature parameters of RFC 9421 §2.3; other parameters are kept under their own names. */
export interface SignatureParams {
  created?: number;
  expires?: number;
  keyid?: string;
  nonce?: string;
  tag?: string;
  alg?: string;
  [other: string]: unknown;
}

/** One signature of a message, paired by label from `Signature-Input` and `Signature`. */
export interface ParsedSignature {
  label: string;
  components: ComponentId[];
  params: SignatureParams;
  /** Names of parameters other than created, expires, keyid, nonce, tag and alg, in order. */
  unknownParams: string[];
  signature: Uint8Array;
  /** The exact `@signature-params` value (RFC 9421 §2.3): the serialized inner list. */
  serializedParams: string;
}

/** The signature parameters RFC 9421 §2.3 registers, in the order `signMessage` writes them. */
export const KNOWN_SIGNATURE_PARAMS = ['created', 'expires', 'keyid', 'nonce', 'tag', 'alg'] as const;

/** One of {@link KNOWN_SIGNATURE_PARAMS}. */
export type KnownSignatureParam = (typeof KNOWN_SIGNATURE_PARAMS)[number];

/** Options of {@link signMessage}. */
export interface SignMessageOptions {
  /** The dictionary label; default `sig`. */
  label?: string;
  /** Covered components in order: `'@method'`, `'content-digest'`, `'"signature";req;key="sig"'` or a ComponentId. */
  components: (string | ComponentId)[];
  keyid: string;
  algorithm: HttpSignatureAlgorithm;
  key: CryptoKey;
  /** Unix seconds; default now. */
  created?: number;
  expires?: number;
  nonce?: string;
  tag?: string;
  /** Also write the `alg` parameter (RFC 9421 allows it, most profiles leave it out). */
  includeAlg?: boolean;
  /** The request a response answers, for components flagged `req`. */
  request?: HttpMessage;
}

/** Header values to add to the message, and the signature base that was signed. */
export interface SignedMessage {
  /** Value of the `Signature-Input` field (`label=(...);created=...`). */
  signatureInput: string;
  /** Value of the `Signature` field (`label=:base64:`). */
  signature: string;
  base: string;
}

/** Fields whose values are RFC 8941 dictionaries, for the `sf` parameter (RFC 9421 §2.1.1). */
const DICTIONARY_FIELDS = new Set([
  'signature',
  'signature-input',
  'accept-signature',
  'content-digest',
  'repr-digest',
  'want-content-digest',
  'want-repr-digest',
  'priority',
]);
/** Fields whose values are RFC 8941 lists. */
const LIST_FIELDS = new Set(['cache-status', 'proxy-status', 'accept-ch']);

const DERIVED = new Set([
  '@method',
  '@target-uri',
  '@authority',
  '@scheme',
  '@request-target',
  '@path',
  '@query',
  '@query-param',
  '@status',
]);
const FIELD_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const DERIVED_NAME = /^@[a-z][a-z-]*$/;
const FLAG_PARAMS = new Set(['sf', 'bs', 'req', 'tr']);

function malformed(message: string): never {
  throw new SignatureError('malformed', message);
}

function componentMissing(message: string): never {
  throw new SignatureError('component_missing', message);
}

/** A component from a name (`'@method'`) or a serialized identifier (`'"@query-param";name="id"'`). */
export function toComponentId(component: string | ComponentId): ComponentId {
  if (typeof component !== 'string') return { name: component.name, params: new Map(component.params) };
  if (!component.includes(';') && !component.startsWith('"')) return { name: component, params: new Map() };
  let text = component;
  if (!text.startsWith('"')) {
    const at = text.indexOf(';');
    text = `"${text.slice(0, at)}"${text.slice(at)}`;
  }
  let item: Item;
  try {
    item = parseItem(text);
  } catch {
    malformed('component identifier is not a structured item');
  }
  return itemToComponent(item);
}

/** Builds a component identifier, e.g. `component('signature', { req: true, key: 'sig' })`. */
export function component(name: string, params: Record<string, ComponentParamValue> = {}): ComponentId {
  return { name, params: new Map(Object.entries(params)) };
}

/** The serialized component identifier as it appears in a signature base, e.g. `"@method";req`. */
export function serializeComponentId(component: ComponentId): string {
  try {
    return serializeItem([component.name, new Map(component.params) as Parameters]);
  } catch {
    malformed('component identifier cannot be serialized');
  }
}

function itemToComponent(item: Item): ComponentId {
  const [name, params] = item;
  if (typeof name !== 'string') malformed('a covered component is not a string');
  const out = new Map<string, ComponentParamValue>();
  for (const [key, value] of params) {
    if (typeof value !== 'string' && typeof value !== 'boolean' && typeof value !== 'number') {
      malformed(`component parameter ${key} has an unsupported type`);
    }
    out.set(key, value);
  }
  return { name, params: out };
}

function toSignatureParams(params: Parameters): { params: SignatureParams; unknownParams: string[] } {
  const out: SignatureParams = {};
  const unknownParams: string[] = [];
  for (const [key, value] of params) {
    switch (key) {
      case 'created':
      case 'expires':
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
          malformed(`signature parameter ${key} is not an integer`);
        }
        out[key] = value;
        break;
      case 'keyid':
      case 'nonce':
      case 'tag':
      case 'alg':
        if (typeof value !== 'string') malformed(`signature parameter ${key} is not a string`);
        out[key] = value;
        break;
      default:
        unknownParams.push(key);
        out[key] =
          value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : value instanceof Token
              ? value.toString()
              : typeof value === 'object' && value !== null && !(value instanceof Date)
                ? String(value)
                : value;
    }
  }
  return { params: out, unknownParams };
}

function parseSignatureDictionary(value: string, field: string): Dictionary {
  try {
    return parseDictionary(value);
  } catch {
    malformed(`${field} is not a structured dictionary`);
  }
}

/**
 * Parses `Signature-Input` and `Signature` and pairs their members by label, in the order of
 * `Signature-Input`. Throws `missing` when a header is absent or empty, `malformed` when one does not
 * parse, a label is in one header only, a signature is not a byte sequence, or a parameter has the
 * wrong type.
 */
export function parseSignatures(
  signatureInput: string | null | undefined,
  signature: string | null | undefined,
): ParsedSignature[] {
  if (!signatureInput?.trim() || !signature?.trim()) {
    throw new SignatureError('missing', 'signature-input or signature is missing');
  }
  const inputs = parseSignatureDictionary(signatureInput, 'signature-input');
  const signatures = parseSignatureDictionary(signature, 'signature');
  if (inputs.size === 0 || signatures.size === 0) {
    throw new SignatureError('missing', 'signature-input or signature is empty');
  }
  for (const label of signatures.keys()) {
    if (!inputs.has(label)) malformed(`signature ${label} has no signature-input`);
  }
  const parsed: ParsedSignature[] = [];
  for (const [label, member] of inputs) {
    if (!isInnerList(member)) malformed(`signature-input ${label} is not an inner list`);
    const signed = signatures.get(label);
    if (signed === undefined) malformed(`signature-input ${label} has no signature`);
    if (isInnerList(signed) || !(signed[0] instanceof ArrayBuffer)) {
      malformed(`signature ${label} is not a byte sequence`);
    }
    const components = member[0].map(itemToComponent);
    const { params, unknownParams } = toSignatureParams(member[1]);
    parsed.push({
      label,
      components,
      params,
      unknownParams,
      signature: new Uint8Array(signed[0]),
      serializedParams: serializeInnerList(member),
    });
  }
  return parsed;
}

/** A stable key for duplicate detection: name and parameters, whatever their order. */
function componentKey(component: ComponentId): string {
  const params = [...component.params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([component.name, params]);
}

function validateComponent(component: ComponentId): void {
  const { name, params } = component;
  const derived = name.startsWith('@');
  if (!(derived ? DERIVED_NAME : FIELD_NAME).test(name)) {
    malformed('a covered component name is not a lowercase field name or derived component');
  }
  if (name === '@signature-params') malformed('@signature-params cannot be a covered component');
  if (derived && !DERIVED.has(name)) malformed(`derived component ${name} is not supported`);
  for (const [key, value] of params) {
    if (FLAG_PARAMS.has(key)) {
      if (value !== true) malformed(`component parameter ${key} of ${name} must be true`);
      if (derived && key !== 'req') malformed(`component parameter ${key} does not apply to ${name}`);
      if (key === 'tr') malformed(`trailer fields (tr) are not supported: ${name}`);
    } else if (key === 'key') {
      if (derived) malformed(`component parameter key does not apply to ${name}`);
      if (typeof value !== 'string') malformed(`component parameter key of ${name} must be a string`);
    } else if (key === 'name') {
      if (name !== '@query-param') malformed(`component parameter name does not apply to ${name}`);
      if (typeof value !== 'string') malformed('component parameter name of @query-param must be a string');
    } else {
      malformed(`component parameter ${key} of ${name} is not supported`);
    }
  }
  if (params.has('bs') && (params.has('sf') || params.has('key'))) {
    malformed(`component ${name} cannot combine bs with sf or key`);
  }
  if (name === '@query-param' && !params.has('name')) malformed('@query-param needs a name parameter');
  if (name === '@status' && params.has('req')) malformed('@status cannot be taken from the request');
}

function targetUrl(source: HttpMessage, name: string): URL {
  if (source.url === undefined) componentMissing(`${name} needs the request URL`);
  try {
    return new URL(source.url);
  } catch {
    componentMissing(`${name} needs an absolute request URL`);
  }
}

/** RFC 9421 §2.2.8: percent-encode everything but ASCII letters, digits and `*-._` (space as %20). */
function encodeQueryPart(text: string): string {
  let out = '';
  for (const byte of utf8(text)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9*\-._]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function derivedValue(component: ComponentId, source: HttpMessage): string {
  const { name } = component;
  switch (name) {
    case '@method':
      if (source.method === undefined) componentMissing('@method needs a request');
      return source.method;
    case '@status':
      if (source.status === undefined) componentMissing('@status needs a response');
      if (!Number.isInteger(source.status) || source.status < 100 || source.status > 999) {
        malformed('@status is not a three-digit status code');
      }
      return String(source.status);
    case '@target-uri': {
      const url = targetUrl(source, name);
      url.hash = '';
      url.username = '';
      url.password = '';
      return url.href;
    }
    case '@authority':
      return targetUrl(source, name).host;
    case '@scheme':
      return targetUrl(source, name).protocol.slice(0, -1).toLowerCase();
    case '@request-target': {
      const url = targetUrl(source, name);
      return `${url.pathname || '/'}${url.search}`;
    }
    case '@path':
      return targetUrl(source, name).pathname || '/';
    case '@query':
      return targetUrl(source, name).search || '?';
    case '@query-param': {
      const wanted = String(component.params.get('name'));
      const values: string[] = [];
      for (const [key, value] of new URLSearchParams(targetUrl(source, name).search)) {
        if (encodeQueryPart(key) === wanted) values.push(encodeQueryPart(value));
      }
      if (values.length === 0)
        componentMissing(`query parameter for @query-param;name="${wanted}" is absent`);
      if (values.length > 1)
        malformed(`query parameter for @query-param;name="${wanted}" occurs more than once`);
      return values[0] as string;
    }
    default:
      return malformed(`derived component ${name} is not supported`);
  }
}

/** Strict re-serialization of a structured field (RFC 9421 §2.1.1), by the field's known type. */
function strictSerialization(name: string, value: string): string {
  const attempts: (() => string)[] = DICTIONARY_FIELDS.has(name)
    ? [() => serializeDictionary(parseDictionary(value))]
    : LIST_FIELDS.has(name)
      ? [() => serializeList(parseList(value))]
      : [
          () => serializeItem(parseItem(value)),
          () => serializeList(parseList(value)),
          () => serializeDictionary(parseDictionary(value)),
        ];
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch {
      // try the next structured type
    }
  }
  return malformed(`field ${name} is not a structured field`);
}

function fieldValue(component: ComponentId, source: HttpMessage): string {
  const { name, params } = component;
  const raw = source.headers.get(name);
  if (raw === null) componentMissing(`field ${name} is absent`);
  if (params.has('key')) {
    const key = String(params.get('key'));
    let dictionary: Dictionary;
    try {
      dictionary = parseDictionary(raw);
    } catch {
      malformed(`field ${name} is not a structured dictionary`);
    }
    const member = dictionary.get(key);
    if (member === undefined) componentMissing(`field ${name} has no member ${key}`);
    return isInnerList(member) ? serializeInnerList(member) : serializeItem(member);
  }
  if (params.has('sf')) return strictSerialization(name, raw);
  if (params.has('bs')) {
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i) & 0xff;
    return `:${base64Encode(bytes)}:`;
  }
  return raw;
}

/**
 * The signature base of RFC 9421 §2.5 for `message`: one line per covered component, then the
 * `@signature-params` line; lines joined by LF, no trailing newline. `request` supplies the
 * components flagged `req` when `message` is a response.
 */
export function signatureBase(
  message: HttpMessage,
  signature: { components: ComponentId[]; serializedParams: string },
  request?: HttpMessage,
): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const component of signature.components) {
    validateComponent(component);
    const key = componentKey(component);
    if (seen.has(key)) malformed(`component ${component.name} is covered more than once`);
    seen.add(key);
    let source = message;
    if (component.params.get('req') === true) {
      if (request === undefined) componentMissing(`${component.name};req needs the request message`);
      source = request;
    }
    const value = component.name.startsWith('@')
      ? derivedValue(component, source)
      : fieldValue(component, source);
    if (/[\r\n]/.test(value)) malformed(`component ${component.name} has a line break`);
    lines.push(`${serializeComponentId(component)}: ${value}`);
  }
  if (/[\r\n]/.test(signature.serializedParams)) malformed('@signature-params has a line break');
  lines.push(`"@signature-params": ${signature.serializedParams}`);
  return lines.join('\n');
}

function requireSafeInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) malformed(`signature parameter ${name} is not an integer`);
  return value;
}

/**
 * Signs `message` (RFC 9421 §3.1) and returns the `Signature-Input` and `Signature` values to add
 * (with `Headers.append`, so existing signatures stay). Parameters are written in the order
 * created, expires, keyid, nonce, tag, alg.
 */
export async function signMessage(message: HttpMessage, options: SignMessageOptions): Promise<SignedMessage> {
  const label = options.label ?? 'sig';
  if (!isValidKeyStr(label)) malformed('signature label is not a structured-field key');
  const components = options.components.map(toComponentId);
  const params: Parameters = new Map<string, BareItem>();
  params.set('created', requireSafeInteger(options.created ?? Math.floor(Date.now() / 1000), 'created'));
  if (options.expires !== undefined) params.set('expires', requireSafeInteger(options.expires, 'expires'));
  params.set('keyid', options.keyid);
  if (options.nonce !== undefined) params.set('nonce', options.nonce);
  if (options.tag !== undefined) params.set('tag', options.tag);
  if (options.includeAlg) params.set('alg', options.algorithm);
  const inner: InnerList = [components.map((c): Item => [c.name, new Map(c.params) as Parameters]), params];
  let serializedParams: string;
  try {
    serializedParams = serializeInnerList(inner);
  } catch {
    malformed('signature parameters cannot be serialized (non-ASCII or invalid value)');
  }
  const base = signatureBase(message, { components, serializedParams }, options.request);
  const signature = await signBytes(options.algorithm, options.key, utf8(base));
  return {
    signatureInput: serializeDictionary(new Map([[label, inner]])),
    signature: serializeDictionary(
      new Map<string, Item>([[label, [toArrayBufferView(signature), new Map()]]]),
    ),
    base,
  };
}

/**
 * Verifies one parsed signature of `message` with `key` under `algorithm` (RFC 9421 §3.2). Throws
 * `algorithm_refused` when the signature names another `alg`, the reasons of {@link signatureBase}
 * when the base cannot be built, and `invalid` when the bytes do not verify. Time window, nonce,
 * coverage and tag are the caller's policy (see {@link checkSignaturePolicy}).
 */
export async function verifySignature(
  message: HttpMessage,
  parsed: ParsedSignature,
  key: CryptoKey,
  algorithm: HttpSignatureAlgorithm,
  request?: HttpMessage,
): Promise<void> {
  if (parsed.params.alg !== undefined && parsed.params.alg !== algorithm) {
    throw new SignatureError('algorithm_refused', `signature ${parsed.label} names another algorithm`);
  }
  const base = signatureBase(message, parsed, request);
  if (!(await verifyBytes(algorithm, key, utf8(base), parsed.signature))) {
    throw new SignatureError('invalid', `signature ${parsed.label} does not verify`);
  }
}

/** What a verifier requires of a signature beyond its bytes (see {@link checkSignaturePolicy}). */
export interface SignaturePolicy {
  /** Components that must be covered (`coverage_insufficient` otherwise). */
  requiredComponents?: (string | ComponentId)[];
  /** Parameters that must be present (`malformed` otherwise). */
  requiredParams?: KnownSignatureParam[];
  /** The `tag` the signature must carry (`malformed` otherwise). */
  tag?: string;
  /** Accept parameters other than the six of RFC 9421 §2.3 (default false: `parameter_unknown`). */
  allowUnknownParams?: boolean;
  /** Unix seconds; default now. */
  now?: number;
  /** Maximum age of `created` in seconds (`expired` beyond it). */
  maxAgeSeconds?: number;
  /** Tolerated clock difference for `created` in the future and `expires` (default 5). */
  clockSkewSeconds?: number;
}

/**
 * Applies a verifier's policy to a parsed signature: unknown parameters (`parameter_unknown`),
 * required parameters and tag (`malformed`), required coverage (`coverage_insufficient`), and the
 * time window (`not_yet_valid` for `created` in the future, `expired` past `expires` or too old).
 */
export function checkSignaturePolicy(parsed: ParsedSignature, policy: SignaturePolicy = {}): void {
  const first = parsed.unknownParams[0];
  if (!policy.allowUnknownParams && first !== undefined) {
    throw new SignatureError('parameter_unknown', `signature parameter ${first} is not accepted`);
  }
  for (const param of policy.requiredParams ?? []) {
    if (parsed.params[param] === undefined) malformed(`signature parameter ${param} is required`);
  }
  if (policy.tag !== undefined && parsed.params.tag !== policy.tag)
    malformed('signature tag is not the expected one');
  const covered = new Set(parsed.components.map(componentKey));
  for (const required of policy.requiredComponents ?? []) {
    const component = toComponentId(required);
    if (!covered.has(componentKey(component))) {
      throw new SignatureError(
        'coverage_insufficient',
        `component ${serializeComponentId(component)} is not covered`,
      );
    }
  }
  const now = policy.now ?? Math.floor(Date.now() / 1000);
  const skew = policy.clockSkewSeconds ?? 5;
  const { created, expires } = parsed.params;
  if (created !== undefined && created > now + skew) {
    throw new SignatureError('not_yet_valid', 'signature created is in the future');
  }
  if (expires !== undefined && now > expires + skew)
    throw new SignatureError('expired', 'signature has expired');
  if (policy.maxAgeSeconds !== undefined) {
    if (created === undefined) malformed('signature parameter created is required');
    if (now - created > policy.maxAgeSeconds) throw new SignatureError('expired', 'signature is too old');
  }
}

/** A fresh nonce: base64url of 24 random bytes (32 characters). */
export function newNonce(): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(24)));
}
