/** Labels for audit log actions, in the current language (pages) or an explicit one. */
import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { opts, type Message } from './options';

const labels: Record<string, Message> = {
	create: m.audit_action_create,
	update: m.audit_action_update,
	delete: m.audit_action_delete,
	sign_in: m.audit_action_sign_in,
	sign_in_failed: m.audit_action_sign_in_failed,
	password_change: m.audit_action_password_change
};

export function auditActionLabel(action: string, locale?: Locale): string {
	const label = labels[action];
	return label ? label({}, opts(locale)) : action;
}
