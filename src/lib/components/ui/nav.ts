import type { StaffRole } from '$lib/domain/access';
import { m } from '$lib/paraglide/messages.js';

export interface NavItem {
	href: string;
	label: () => string;
	intro: () => string;
	role: StaffRole;
}

/** The product's areas, in the order of the source document's jobs. */
export const navItems: NavItem[] = [
	{ href: '/klynger', label: m.nav_landscape, intro: m.area_landscape_intro, role: 'viewer' },
	{ href: '/undersoegelse', label: m.nav_survey, intro: m.area_survey_intro, role: 'viewer' },
	{ href: '/fund', label: m.nav_findings, intro: m.area_findings_intro, role: 'viewer' },
	{ href: '/strategi', label: m.nav_strategy, intro: m.area_strategy_intro, role: 'viewer' },
	{ href: '/aftaler', label: m.nav_agreements, intro: m.area_agreements_intro, role: 'viewer' },
	{
		href: '/praesentationer',
		label: m.nav_presentations,
		intro: m.area_presentations_intro,
		role: 'viewer'
	},
	{ href: '/virksomheder', label: m.nav_companies, intro: m.area_companies_intro, role: 'viewer' },
	{ href: '/nationalt', label: m.nav_national, intro: m.area_national_intro, role: 'viewer' },
	{ href: '/admin', label: m.nav_admin, intro: m.area_admin_intro, role: 'admin' }
];

const rank: Record<StaffRole, number> = { viewer: 1, analyst: 2, admin: 3 };

export function visibleNav(role: StaffRole): NavItem[] {
	return navItems.filter((item) => rank[role] >= rank[item.role]);
}
