/** Labels for the users' roles, in the current language or an explicit one. */
import type { StaffRole } from '$lib/domain/access';
import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { opts } from './options';

export function roleLabel(role: StaffRole | 'respondent', locale?: Locale): string {
	const o = opts(locale);
	switch (role) {
		case 'admin':
			return m.role_admin({}, o);
		case 'analyst':
			return m.role_analyst({}, o);
		case 'viewer':
			return m.role_viewer({}, o);
		case 'respondent':
			return m.role_respondent({}, o);
	}
}
