/**
 * Where the privacy keys come from on Node: PONTIS_PSEUDONYM_KEY and PONTIS_KEKS, or in demo mode
 * keys generated once into the data directory (mode 0600) and reused afterwards. Outside demo
 * mode both variables are required: losing them makes every person's data unreadable.
 */
import { join } from 'node:path';
import { GatewayError } from '../../core/errors.ts';
import type { Config } from '../../env.ts';
import { demoSecretFile } from '../auth/key-file.ts';
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
  const { value, source } = await demoSecretFile(
    demoPrivacyKeyPath(config),
    'the demo privacy keys',
    (json) => {
      const text = json as { pseudonymKey?: unknown; keks?: unknown } | null;
      if (typeof text?.pseudonymKey !== 'string' || typeof text.keks !== 'string') {
        throw new GatewayError('configuration_invalid', `the demo privacy keys lack pseudonymKey or keks`);
      }
      return privacyKeysFromText(text.pseudonymKey, text.keks);
    },
    async () => {
      const text = generatePrivacyKeyText();
      return { value: await privacyKeysFromText(text.pseudonymKey, text.keks), json: text };
    },
  );
  return { keys: value, source };
}
