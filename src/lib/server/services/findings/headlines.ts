import { headlines, type Findings, type Headline } from '$lib/domain/findings/findings';
import { formatNumber, type Locale } from '$lib/format';
import { messageByKey } from '../../i18n';

export interface SaidHeadline {
	question: string;
	text: string;
}

/**
 * The findings' headline sentences said in a language, numbers formatted the shared way: one
 * wording for the findings page, the deck and the CLI.
 */
export function sayHeadlines(f: Findings, locale: Locale): SaidHeadline[] {
	return headlines(f).map((h) => ({ question: h.question, text: sayHeadline(h, locale) }));
}

export function sayHeadline(h: Headline, locale: Locale): string {
	// The number itself picks the plural form (`<name>Count`); the sentence shows it formatted.
	const params = Object.fromEntries(
		Object.entries(h.params).flatMap(([name, value]) =>
			typeof value === 'number'
				? [
						[name, formatNumber(value, locale)],
						[`${name}Count`, value]
					]
				: [[name, value]]
		)
	);
	return messageByKey(h.key, params, locale) ?? h.key;
}
