import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Sign-in attempts are counted per account (e-mail) and per client address, in memory (one server
 * process; a restart forgives). Ten failures for one account within fifteen minutes lock that
 * account for the rest of the window, from every address.
 *
 * The point is taken before the password is checked, in one step (`consume` counts and answers
 * together), so a burst of parallel attempts cannot all be checked: the eleventh is refused
 * whatever it holds. A correct password gives the account's points back.
 *
 * Thirty failures from one address do not lock the accounts behind it (behind a proxy without
 * the address header, every user shares one address): from such an address only an account in
 * good standing — no failures in the window — is still checked, so an attacker there gets one
 * guess per account and the office next door still signs in.
 */
const WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_ATTEMPTS = 10;
export const ADDRESS_ATTEMPTS = 30;

const perAccount = new RateLimiterMemory({ points: ACCOUNT_ATTEMPTS, duration: WINDOW_SECONDS });
const perAddress = new RateLimiterMemory({ points: ADDRESS_ATTEMPTS, duration: WINDOW_SECONDS });

const accountKey = (email: string) => email.trim().toLowerCase();

export type LoginAttempt =
	| { allowed: true; succeeded: () => Promise<void> }
	| { allowed: false; retryAfterSeconds: number; reason: 'account' | 'address' };

async function consume(limiter: RateLimiterMemory, key: string): Promise<RateLimiterRes> {
	try {
		return await limiter.consume(key);
	} catch (res) {
		if (res instanceof RateLimiterRes) return res;
		throw res;
	}
}

/** Takes one attempt's points; the password may be checked only when `allowed`. */
export async function beginLoginAttempt(email: string, address: string): Promise<LoginAttempt> {
	const key = accountKey(email);
	const [account, addr] = await Promise.all([
		consume(perAccount, key),
		consume(perAddress, address)
	]);
	const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
	if (account.consumedPoints > ACCOUNT_ATTEMPTS)
		return { allowed: false, retryAfterSeconds: seconds(account), reason: 'account' };
	// This attempt is the account's first in the window when it consumed the only point.
	if (addr.consumedPoints > ADDRESS_ATTEMPTS && account.consumedPoints > 1)
		return { allowed: false, retryAfterSeconds: seconds(addr), reason: 'address' };
	return {
		allowed: true,
		succeeded: async () => {
			await Promise.all([perAccount.delete(key), perAddress.reward(address, 1)]);
		}
	};
}
