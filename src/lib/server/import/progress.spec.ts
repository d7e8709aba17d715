import { describe, expect, it } from 'vitest';
import { finishProgress, isProgressToken, progressOf, reportProgress } from './progress';

const token = '0f7c2a9e-3b1d-4c5e-8f6a-2d9b7e1c4a30';
const progress = { phase: 'reading' as const, rows: 50_000, bytes: 1_000, totalBytes: 4_000 };

describe('import progress', () => {
	it('is told only to the user who started the upload, until it is finished', () => {
		reportProgress(token, 'user-1')(progress);
		expect(progressOf(token, 'user-1')).toEqual(progress);
		expect(progressOf(token, 'user-2')).toBeNull();
		finishProgress(token);
		expect(progressOf(token, 'user-1')).toBeNull();
	});

	it.each([
		[token, true],
		['short', false],
		['../../etc/passwd-and-more-text', false],
		[null, false]
	])('takes %j as a token: %s', (value, ok) => {
		expect(isProgressToken(value)).toBe(ok);
	});
});
