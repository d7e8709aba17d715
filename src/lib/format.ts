/**
 * The only place numbers, percentages and dates are turned into text. Every caller passes the
 * locale, so the same function serves pages, API text fields, CLI output and decks.
 *
 * @example formatNumber(1740, 'da') // '1.740'
 * @example formatPercent(0.125, 'da') // '12,5 %'
 * @example formatDate('2026-11-26', 'da') // '26. nov. 2026'
 */

export type Locale = 'da' | 'en';

const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `n|${locale}|${JSON.stringify(options)}`;
	let format = cache.get(key) as Intl.NumberFormat | undefined;
	if (!format) {
		format = new Intl.NumberFormat(intlLocale[locale], options);
		cache.set(key, format);
	}
	return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `d|${locale}|${JSON.stringify(options)}`;
	let format = cache.get(key) as Intl.DateTimeFormat | undefined;
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale[locale], {
			timeZone: 'Europe/Copenhagen',
			...options
		});
		cache.set(key, format);
	}
	return format;
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 1): string {
	return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A share between 0 and 1 shown as a percentage. */
export function formatPercent(share: number, locale: Locale, maximumFractionDigits = 1): string {
	return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(share);
}

/** Amounts in Danish kroner without decimals: `1.500.000 kr.` */
export function formatDkk(amount: number, locale: Locale): string {
	return numberFormat(locale, {
		style: 'currency',
		currency: 'DKK',
		maximumFractionDigits: 0
	}).format(amount);
}

/** Large DKK amounts in millions: `662 mio. kr.` / `DKK 662m`. */
export function formatDkkMillions(amount: number, locale: Locale): string {
	const millions = formatNumber(amount / 1_000_000, locale, 1);
	return locale === 'da' ? `${millions} mio. kr.` : `DKK ${millions}m`;
}

function toDate(value: Date | string): Date {
	return typeof value === 'string' ? new Date(value) : value;
}

export function formatDate(value: Date | string, locale: Locale): string {
	return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(
		toDate(value)
	);
}

/** `26. nov. 2026 kl. 14.05` / `26 Nov 2026, 14:05` */
export function formatDateTime(value: Date | string, locale: Locale): string {
	const date = toDate(value);
	const time = dateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
	return locale === 'da'
		? `${formatDate(date, locale)} kl. ${time}`
		: `${formatDate(date, locale)}, ${time}`;
}

/** A closed or open range of numbers: `7–50`, `85–450`. */
export function formatRange(min: number, max: number, locale: Locale): string {
	return min === max
		? formatNumber(min, locale)
		: `${formatNumber(min, locale)}–${formatNumber(max, locale)}`;
}
