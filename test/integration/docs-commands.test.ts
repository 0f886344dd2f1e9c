/**
 * Every `pontis` command the guides print exists, with the options they use: a newcomer copying a
 * command from the docs must not meet "unknown command" or "unknown option".
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';

/** The README, the SDK's README and every guide in docs/ (a new guide is checked from its first commit). */
const DOCS = [
  'README.md',
  'sdk/README.md',
  ...readdirSync(new URL('../../docs/', import.meta.url))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The command lines of a Markdown file (continuation lines joined), after `pontis -- `. */
function pontisCommands(text: string): string[] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  return [...joined.matchAll(/npm run -s pontis -- ([^\n`|#)"]+)/g)]
    .map((match) => (match[1] ?? '').trim())
    .filter((line) => !line.startsWith('<'));
}

function resolve(program: Command, words: string[]): { command: Command; rest: string[] } {
  let command = program;
  let index = 0;
  for (; index < words.length; index += 1) {
    const next = command.commands.find((candidate) => candidate.name() === words[index]);
    if (!next) break;
    command = next;
  }
  return { command, rest: words.slice(index) };
}

describe('the commands in the documentation', () => {
  it('exist, with the options they use', () => {
    let checked = 0;
    for (const file of DOCS) {
      const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      for (const line of pontisCommands(text)) {
        const words = line.split(/\s+/).filter((word) => !word.startsWith('>') && word !== '>');
        const { command, rest } = resolve(buildProgram(), words);
        expect(command.name(), `${file}: ${line}`).not.toBe('pontis');
        expect(command.commands, `${file}: "${line}" names a command group, not a command`).toHaveLength(0);
        const known = new Set(
          command.options.flatMap((option) => [option.long, option.short]).filter(Boolean),
        );
        known.add('--help');
        for (const flag of rest.filter((word) => word.startsWith('-'))) {
          expect(known, `${file}: ${line} — unknown option ${flag}`).toContain(flag);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });
});
