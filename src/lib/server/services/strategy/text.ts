/**
 * Turns the statements of the fit model and the recommender (message key + parameters) into text
 * in the user's language: numbers through the shared formatter, stage codes as their labels, a
 * `date` (ISO) as a date.
 */
import { formatDate, formatNumber, type Locale } from '$lib/format';
import type { Taxonomy } from '$lib/domain/taxonomy';
import { messageByKey } from '../../i18n';

export interface Statement {
	key: string;
	params: Record<string, string | number>;
}

export function statementText(
	statement: Statement,
	locale: Locale,
	taxonomy: Pick<Taxonomy, 'maturityStages'>
): string {
	const params: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(statement.params)) {
		if (typeof value === 'number') {
			params[name] = formatNumber(value, locale, 0);
			params[`${name}Count`] = value;
		} else if (name === 'stage') {
			params[name] = taxonomy.maturityStages.find((s) => s.code === value)?.[locale] ?? value;
		} else if (name === 'date') params[name] = formatDate(value, locale);
		else params[name] = value;
	}
	return messageByKey(statement.key, params, locale) ?? statement.key;
}

/** Facts joined into one sentence: "A; b; c". */
export function sentence(parts: string[]): string {
	const text = parts.join('; ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}
