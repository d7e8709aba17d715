import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';

export { m };

type MessageFunction = (params?: Record<string, unknown>, options?: { locale?: Locale }) => string;

/**
 * Looks a message up by key at run time (for keys carried in data, e.g. validation issues). A
 * message with plural forms chooses by `<name>Count`; a number passed as `<name>` fills it in
 * unless the caller already passed the count, e.g. beside a formatted `<name>`.
 */
export function messageByKey(
	key: string,
	params: Record<string, unknown>,
	locale: Locale
): string | undefined {
	const fn = (m as unknown as Record<string, MessageFunction | undefined>)[key];
	return fn?.({ ...counts(params), ...params }, { locale });
}

function counts(params: Record<string, unknown>): Record<string, number> {
	return Object.fromEntries(
		Object.entries(params)
			.filter((entry): entry is [string, number] => typeof entry[1] === 'number')
			.map(([name, value]) => [`${name}Count`, value])
	);
}
