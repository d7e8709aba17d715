import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';

export { m };

type MessageFunction = (params?: Record<string, unknown>, options?: { locale?: Locale }) => string;

/** Looks a message up by key at run time (for keys carried in data, e.g. validation issues). */
export function messageByKey(
	key: string,
	params: Record<string, unknown>,
	locale: Locale
): string | undefined {
	const fn = (m as unknown as Record<string, MessageFunction | undefined>)[key];
	return fn?.(params, { locale });
}
