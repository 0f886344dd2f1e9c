#!/usr/bin/env node
// The `pontis` command: TypeScript sources run through tsx's loader (Node >= 20.19).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/run.ts');
