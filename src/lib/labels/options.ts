/** How every label function takes its language: the current one on pages, an explicit one elsewhere. */
import type { Locale } from '$lib/format';

export type Options = { locale?: Locale };
export type Message = (inputs: object, options: Options) => string;

export const opts = (locale?: Locale): Options => (locale ? { locale } : {});
