/** Labels for the kinds of organisation, in the current language or an explicit one. */
import type { OrganisationKind } from '$lib/domain/organisations';
import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { opts } from './options';

export function organisationKindLabel(kind: OrganisationKind, locale?: Locale): string {
	const o = opts(locale);
	switch (kind) {
		case 'regional':
			return m.organisation_kind_regional({}, o);
		case 'national':
			return m.organisation_kind_national({}, o);
		case 'cluster':
			return m.organisation_kind_cluster({}, o);
	}
}
