import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import danish from './danish-password-words.json';

/**
 * How hard a new password is to guess, with zxcvbn-ts (score 0–4) over its common and English
 * dictionaries and a Danish word list of our own (the project publishes none for Danish).
 * Score 3 ("safely unguessable" against an offline attack on a slow hash) is required; the
 * user's own e-mail, its parts and their name count as known words. The library is loaded on the
 * first check, so commands that set no password do not pay its 0.25 s start.
 */
export const MIN_SCORE = 3;

let factory: Promise<ZxcvbnFactory> | undefined;

function load(): Promise<ZxcvbnFactory> {
	factory ??= (async () => {
		const [{ ZxcvbnFactory }, common, en] = await Promise.all([
			import('@zxcvbn-ts/core'),
			import('@zxcvbn-ts/language-common'),
			import('@zxcvbn-ts/language-en')
		]);
		return new ZxcvbnFactory({
			graphs: common.adjacencyGraphs,
			dictionary: { ...common.dictionary, ...en.dictionary, da: danish.words }
		});
	})();
	return factory;
}

export type PasswordProblem = 'blank' | 'contains_email' | 'weak';

/** The words a password must not lean on: the e-mail, its local part and domain, the name. */
export function knownWords(who: { email?: string; name?: string }): string[] {
	const email = who.email?.trim().toLowerCase() ?? '';
	const [local = '', domain = ''] = email.split('@');
	const name = who.name?.trim().toLowerCase() ?? '';
	return [email, local, domain, ...local.split(/[._-]+/), name, ...name.split(/\s+/)].filter(
		(word) => word.length >= 3
	);
}

/** Why a password is refused, or null when it is strong enough. */
export async function passwordProblem(
	password: string,
	who: { email?: string; name?: string }
): Promise<PasswordProblem | null> {
	if (password.trim().length === 0) return 'blank';
	const email = who.email?.trim().toLowerCase();
	if (email && password.toLowerCase().includes(email)) return 'contains_email';
	const zxcvbn = await load();
	return zxcvbn.check(password, knownWords(who)).score >= MIN_SCORE ? null : 'weak';
}
