#!/usr/bin/env node
// The `verbatim` command. The CLI is TypeScript, run from a bundle compiled on first use (see compile.js).
import { loadCli } from './compile.js';

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
