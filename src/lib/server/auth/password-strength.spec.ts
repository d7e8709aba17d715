import { describe, expect, it } from 'vitest';
import { knownWords, passwordProblem } from './password-strength';

const who = { email: 'ane.analytiker@brn.dk', name: 'Ane Analytiker' };

describe('passwordProblem', () => {
	it.each([
		['aaaaaaaaaa', 'weak'],
		['          ', 'blank'],
		['\t\t\t\t\t\t\t\t\t\t', 'blank'],
		['ane.analytiker@brn.dk', 'contains_email'],
		['ANE.ANALYTIKER@BRN.DK!!', 'contains_email'],
		['ane.analytiker2024', 'weak'],
		['password123', 'weak'],
		['1234567890', 'weak'],
		['qwertyuiop', 'weak'],
		['sommerhus2024', 'weak'],
		['Klyngeradar2024', 'weak'],
		['Nordjylland!', 'weak'],
		['velkommen12', 'weak'],
		['hjørring1234', 'weak']
	])('refuses %j (%s)', async (password, problem) => {
		expect(await passwordProblem(password, who)).toBe(problem);
	});

	it.each([
		'korrekt hest batteri hæfteklamme',
		'vores egen lange adgangssætning',
		'e2e analyst passphrase',
		'Tre kaffe, to te og en kage'
	])('accepts %j', async (password) => {
		expect(await passwordProblem(password, who)).toBeNull();
	});

	it('counts the e-mail, its parts and the name as known words', () => {
		expect(knownWords(who)).toEqual(
			expect.arrayContaining(['ane.analytiker@brn.dk', 'ane.analytiker', 'brn.dk', 'analytiker'])
		);
	});
});
