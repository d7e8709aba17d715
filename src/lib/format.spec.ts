import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatDkk,
	formatDkkMillions,
	formatNumber,
	formatPercent,
	formatRange
} from './format';

// Intl emits narrow/no-break spaces; normalise so the expectations stay readable.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatters', () => {
	it.each([
		[1740, 'da', '1.740'],
		[1740, 'en', '1,740'],
		[4324.5, 'da', '4.324,5'],
		[0, 'da', '0']
	] as const)('formatNumber(%s, %s) = %s', (value, locale, expected) => {
		expect(formatNumber(value, locale)).toBe(expected);
	});

	it.each([
		[0.125, 'da', '12,5 %'],
		[0.125, 'en', '12.5%'],
		[1, 'da', '100 %']
	] as const)('formatPercent(%s, %s) = %s', (value, locale, expected) => {
		expect(plain(formatPercent(value, locale))).toBe(expected);
	});

	it('formats dates the Danish way and in Copenhagen time', () => {
		expect(formatDate('2026-11-26', 'da')).toBe('26. nov. 2026');
		expect(formatDate('2026-11-26', 'en')).toBe('26 Nov 2026');
		// 23:30 UTC is already the next day in Copenhagen.
		expect(formatDate(new Date('2026-11-26T23:30:00Z'), 'da')).toBe('27. nov. 2026');
		expect(formatDateTime(new Date('2026-11-26T13:05:00Z'), 'da')).toBe('26. nov. 2026 kl. 14.05');
		expect(formatDateTime(new Date('2026-11-26T13:05:00Z'), 'en')).toBe('26 Nov 2026, 14:05');
	});

	it('formats kroner and ranges', () => {
		expect(plain(formatDkk(1_500_000, 'da'))).toBe('1.500.000 kr.');
		expect(formatDkkMillions(662_000_000, 'da')).toBe('662 mio. kr.');
		expect(formatDkkMillions(662_000_000, 'en')).toBe('DKK 662m');
		expect(formatRange(85, 450, 'da')).toBe('85–450');
		expect(formatRange(7, 7, 'da')).toBe('7');
	});
});
