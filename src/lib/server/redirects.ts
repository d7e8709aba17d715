/**
 * Only same-site paths are followed after sign-in or a language switch, so a crafted link cannot
 * send a user to another site ("open redirect").
 */
export function safeRedirectTarget(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	return value;
}
