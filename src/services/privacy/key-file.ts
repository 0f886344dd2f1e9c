/**
 * Where the privacy keys come from on Node: PONTIS_PSEUDONYM_KEY and PONTIS_KEKS, or in demo mode
 * keys generated once into the data directory (mode 0600) and reused afterwards. Outside demo
 * mode both variables are required: losing them makes every person's data unreadable.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GatewayError } from '../../core/errors.ts';
import type { Config } from '../../env.ts';
import { generatePrivacyKeyText, type PrivacyKeys, privacyKeysFromText } from './keys.ts';

export function demoPrivacyKeyPath(config: Config): string {
  return join(config.dataDir, 'privacy-keys.json');
}

export async function loadPrivacyKeys(config: Config): Promise<{ keys: PrivacyKeys; source: string }> {
  if (config.pseudonymKey !== undefined || config.keks !== undefined) {
    if (config.pseudonymKey === undefined || config.keks === undefined) {
      throw new GatewayError(
        'configuration_invalid',
        'Set both PONTIS_PSEUDONYM_KEY and PONTIS_KEKS (`pontis privacy keygen` prints a pair).',
      );
    }
    return {
      keys: await privacyKeysFromText(config.pseudonymKey, config.keks),
      source: 'PONTIS_PSEUDONYM_KEY, PONTIS_KEKS',
    };
  }
  if (!config.demo) {
    throw new GatewayError(
      'configuration_invalid',
      'PONTIS_PSEUDONYM_KEY and PONTIS_KEKS are required outside demo mode (`pontis privacy keygen` prints a pair).',
    );
  }
  const path = demoPrivacyKeyPath(config);
  if (existsSync(path)) {
    let text: { pseudonymKey?: unknown; keks?: unknown };
    try {
      text = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new GatewayError('configuration_invalid', `the demo privacy keys ${path} are not valid JSON`);
    }
    if (typeof text.pseudonymKey !== 'string' || typeof text.keks !== 'string') {
      throw new GatewayError(
        'configuration_invalid',
        `the demo privacy keys ${path} lack pseudonymKey or keks`,
      );
    }
    return { keys: await privacyKeysFromText(text.pseudonymKey, text.keks), source: path };
  }
  const text = generatePrivacyKeyText();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(text, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { keys: await privacyKeysFromText(text.pseudonymKey, text.keks), source: `${path} (generated)` };
}
