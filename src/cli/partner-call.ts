/**
 * `pontis partner call` and `pontis partner keygen`: what an agency's developer runs first — make a
 * key pair, and send one signed request with the partner SDK, verifying the gateway's signed
 * answer before printing it.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { createPartnerClient, type SignatureScheme } from '../../sdk/src/index.ts';
import { generatePartnerSigningKey, readPrivateKeyFile } from './demo-partner.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function parseMethod(value: string): string {
  const method = value.toUpperCase();
  if (!METHODS.includes(method)) throw new InvalidArgumentError(`expected one of ${METHODS.join(', ')}`);
  return method;
}

function defaultUrl(): string {
  return (
    process.env.PONTIS_URL ?? process.env.PONTIS_PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`
  );
}

export function addPartnerCallCommands(program: Command): void {
  const partner = program
    .command('partner')
    .description('act as a partner agency: make keys, send signed calls');

  partner
    .command('keygen')
    .description('write a new private key (JWK) to --out and print its public JWK to register')
    .requiredOption('--kid-prefix <prefix>', 'start of the key id, e.g. your partner id')
    .requiredOption('-o, --out <file>', 'where to write the private JWK (mode 0600, never overwritten)')
    .addOption(new Option('--alg <alg>', 'algorithm').choices(['EdDSA', 'ES256', 'PS256']).default('EdDSA'))
    .action(async (options: { kidPrefix: string; out: string; alg: 'EdDSA' | 'ES256' | 'PS256' }) => {
      const key = await generatePartnerSigningKey(options.kidPrefix, options.alg);
      try {
        writeFileSync(options.out, `${JSON.stringify(key.privateJwk, null, 2)}\n`, {
          mode: 0o600,
          flag: 'wx',
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST')
          throw new Error(`${options.out} exists; not overwritten`);
        throw error;
      }
      chmodSync(options.out, 0o600);
      console.log(JSON.stringify(key.publicJwk));
    });

  partner
    .command('call <method> <path>')
    .description('send a signed request as a partner and verify the signed response')
    .requiredOption('-k, --key <file>', 'your private JWK with its registered "kid"')
    .option('-b, --body <file>', 'request body (JSON) to send')
    .option('-p, --partner <id>', 'your partner id (sent as pontis-partner / JWS iss)')
    .option('-u, --url <base>', 'gateway base URL (default $PONTIS_URL or http://127.0.0.1:$PORT)')
    .addOption(
      new Option('-s, --scheme <scheme>', 'signature scheme')
        .choices(['http-message-signatures', 'detached-jws'])
        .default('http-message-signatures'),
    )
    .option('-i, --idempotency-key <key>', 'Idempotency-Key (a new UUID for POST when not given)')
    .action(
      async (
        rawMethod: string,
        path: string,
        options: {
          key: string;
          body?: string;
          partner?: string;
          url?: string;
          scheme: SignatureScheme;
          idempotencyKey?: string;
        },
      ) => {
        const method = parseMethod(rawMethod);
        if (!path.startsWith('/')) throw new InvalidArgumentError('the path must start with /');
        const key = readPrivateKeyFile(options.key);
        let body: string | undefined;
        if (options.body) {
          try {
            body = readFileSync(options.body, 'utf8');
          } catch {
            throw new Error(`no such file: ${options.body}`);
          }
        }
        const client = createPartnerClient({
          baseUrl: options.url ?? defaultUrl(),
          key,
          partnerId: options.partner,
          scheme: options.scheme,
        });
        const idempotencyKey = options.idempotencyKey ?? (method === 'POST' ? randomUUID() : undefined);
        const baseUrl = options.url ?? defaultUrl();
        const response = await client
          .request(method, path, {
            ...(body !== undefined ? { body } : {}),
            ...(idempotencyKey ? { idempotencyKey } : {}),
          })
          .catch((error: unknown) => {
            if (error instanceof TypeError && /fetch failed/.test(error.message)) {
              throw new Error(`cannot reach the gateway at ${baseUrl} (is it running? --url sets another)`);
            }
            throw error;
          });
        const verified = response.signature
          ? `response signature verified (gateway key ${response.signature.keyid})`
          : 'response not signed (the gateway signs only requests it could authenticate)';
        process.stderr.write(`HTTP ${response.status} — ${verified}\n`);
        console.log(response.text ? JSON.stringify(JSON.parse(response.text), null, 2) : '');
        if (response.status >= 400) process.exitCode = 1;
      },
    );
}
