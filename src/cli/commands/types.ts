import type { Locale } from '$lib/format';
import type { CliAction } from '../bin';

/** Wraps a command action with the CLI context and error reporting (see `bin.ts`). */
export type ActionWrapper = (run: CliAction) => (...args: unknown[]) => Promise<void>;
export type Lang = { locale: Locale };
