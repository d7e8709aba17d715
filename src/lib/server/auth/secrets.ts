/**
 * Random tokens and their hashes, as the Lucia guide recommends (https://lucia-auth.com/sessions/basic):
 * 160+ bits from the platform CSPRNG, base32 text for the holder, SHA-256 hex in the database.
 * Password hashing is argon2id through @node-rs/argon2 with OWASP's parameters.
 */
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

const ARGON2ID = 2;

/** A fresh secret token: 25 bytes (200 bits) of randomness as lower-case base32. */
export function generateToken(): string {
	const bytes = new Uint8Array(25);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The SHA-256 of a token as hex; tokens are high-entropy, so a fast hash is the right one. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * A one-time password that is easy to read aloud and type: four groups of five characters from an
 * alphabet without look-alikes (no 0/O, 1/l/I). About 100 bits.
 */
export function generateOneTimePassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	// 256 is not a multiple of 31, so reject the top bytes to keep the choice uniform.
	const chars: string[] = [];
	while (chars.length < 20) {
		for (const byte of bytes) {
			if (chars.length === 20) break;
			if (byte < 248) chars.push(alphabet[byte % alphabet.length] ?? '');
		}
		crypto.getRandomValues(bytes);
	}
	return [0, 5, 10, 15].map((start) => chars.slice(start, start + 5).join('')).join('-');
}

export function hashPassword(password: string): Promise<string> {
	return argon2Hash(password, {
		algorithm: ARGON2ID,
		memoryCost: 19456,
		timeCost: 2,
		parallelism: 1
	});
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await argon2Verify(passwordHash, password);
	} catch {
		// A malformed stored hash must not open the door or crash the login page.
		return false;
	}
}

/**
 * A hash to verify against when the e-mail is unknown, so a wrong e-mail and a wrong password take
 * the same time and the login form does not reveal which accounts exist.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
	decoyHash ??= hashPassword(generateToken());
	return decoyHash;
}
