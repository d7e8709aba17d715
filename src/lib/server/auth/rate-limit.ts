import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Failed sign-ins are counted per e-mail+address and per address, in memory (one server process;
 * a restart forgives). Ten failures for one account or thirty from one address within fifteen
 * minutes lock further attempts for the rest of the window. Successful sign-ins reset the
 * account counter.
 */
const WINDOW_SECONDS = 15 * 60;

const perAccount = new RateLimiterMemory({ points: 10, duration: WINDOW_SECONDS });
const perAddress = new RateLimiterMemory({ points: 30, duration: WINDOW_SECONDS });

const accountKey = (email: string, address: string) => `${email.toLowerCase()}|${address}`;

/** Seconds until another attempt is allowed, or 0 when attempts are open. */
export async function loginBlockedFor(email: string, address: string): Promise<number> {
	const [account, addr] = await Promise.all([
		perAccount.get(accountKey(email, address)),
		perAddress.get(address)
	]);
	const blocked = [account, addr].filter(
		(res): res is RateLimiterRes => res !== null && res.remainingPoints <= 0
	);
	if (blocked.length === 0) return 0;
	return Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000);
}

export async function recordFailedLogin(email: string, address: string): Promise<void> {
	// `penalty` adds points without throwing when the limit is passed; the check above blocks.
	await Promise.all([perAccount.penalty(accountKey(email, address)), perAddress.penalty(address)]);
}

export async function recordSuccessfulLogin(email: string, address: string): Promise<void> {
	await perAccount.delete(accountKey(email, address));
}
