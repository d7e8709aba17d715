/**
 * CVR numbers (the Danish company register's 8-digit key) and P-numbers (10-digit production
 * units). A CVR number is valid when the weighted sum of its digits with the weights
 * 2, 7, 6, 5, 4, 3, 2, 1 is divisible by 11; the first digit is never 0.
 *
 * @example isValidCvr('10150817') // true
 */
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** The digits of a CVR number as written in lists: "DK-10 15 08 17" → "10150817". */
export function cleanCvr(raw: string): string {
	return raw
		.trim()
		.replace(/^DK[-\s]?/i, '')
		.replace(/[\s.-]/g, '');
}

export function isValidCvr(cvr: string): boolean {
	if (!/^[1-9]\d{7}$/.test(cvr)) return false;
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += Number(cvr[i]) * (WEIGHTS[i] ?? 0);
	return sum % 11 === 0;
}

export function isValidPNumber(pnr: string): boolean {
	return /^[1-9]\d{9}$/.test(pnr);
}

/** Completes 7 digits with the check digit, when one exists (used to generate test data). */
export function withCheckDigit(first7: string): string | null {
	if (!/^[1-9]\d{6}$/.test(first7)) return null;
	let sum = 0;
	for (let i = 0; i < 7; i++) sum += Number(first7[i]) * (WEIGHTS[i] ?? 0);
	const check = (11 - (sum % 11)) % 11;
	return check === 10 ? null : `${first7}${check}`;
}
