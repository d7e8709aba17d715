import { headlines, type Findings } from '$lib/domain/findings/findings';
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
	return headlines(f).map((h) => {
		const params = Object.fromEntries(
			Object.entries(h.params).map(([name, value]) => [
				name,
				typeof value === 'number' ? formatNumber(value, locale) : value
			])
		);
		return { question: h.question, text: messageByKey(h.key, params, locale) ?? h.key };
	});
}
