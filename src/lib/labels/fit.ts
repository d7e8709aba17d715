/** Labels for the fit criteria, in the current language (pages) or an explicit one (exports). */
import type { Criterion } from '$lib/domain/strategy/strategy';
import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { opts } from './options';

export function criterionLabel(criterion: Criterion, locale?: Locale): string {
	const o = opts(locale);
	switch (criterion) {
		case 'thematic':
			return m.fit_criterion_thematic({}, o);
		case 'presence':
			return m.fit_criterion_presence({}, o);
		case 'reach':
			return m.fit_criterion_reach({}, o);
		case 'ties':
			return m.fit_criterion_ties({}, o);
		case 'maturity':
			return m.fit_criterion_maturity({}, o);
	}
}
