#!/usr/bin/env node
// The `verbatim` command. The CLI is TypeScript; tsx's loader runs it without a compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
