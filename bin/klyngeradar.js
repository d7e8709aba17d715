#!/usr/bin/env node
// The `klyngeradar` command. It runs the TypeScript sources through tsx, so the CLI shares the
// web app's services without a separate build step.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: join(root, 'tsconfig.cli.json') });
/** @type {{ main: (argv: string[]) => Promise<number> }} */
const cli = await import(pathToFileURL(join(root, 'src', 'cli', 'bin.ts')).href);
process.exitCode = await cli.main(process.argv);
