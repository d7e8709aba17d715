/**
 * Only same-site paths are followed after sign-in or a language switch, so a crafted link cannot
 * send a user to another site ("open redirect"). The value is parsed the way a browser parses a
 * `Location` (WHATWG URL: tabs and line breaks dropped, backslashes read as slashes) against a
 * placeholder origin; anything that lands elsewhere falls back. The path returned is the parsed
 * one, so what the browser follows is exactly what was checked.
 */
const PLACEHOLDER = 'http://klyngeradar.invalid';

export function safeRedirectTarget(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
	// A target must read as a path before any browser clean-up ("/\t/evil" becomes "//evil").
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
	if (!value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	let parsed: URL;
	try {
		parsed = new URL(value, PLACEHOLDER);
	} catch {
		return fallback;
	}
	if (parsed.origin !== PLACEHOLDER) return fallback;
	const target = parsed.pathname + parsed.search + parsed.hash;
	return target.startsWith('//') ? fallback : target;
}
