import { describe, expect, it } from 'vitest';
import { staffRoles } from '$lib/domain/access';
import { checklistCodes, contributionKinds } from '$lib/domain/collaboration/catalogue';
import { maturityStages } from '$lib/domain/landscape/types';
import { criteria } from '$lib/domain/strategy/strategy';
import { questionKeys } from '$lib/domain/survey/answers';
import { roleLabel } from './access';
import { checklistLabel, contributionLabel, presenceLabel } from './collaboration';
import { criterionLabel } from './fit';
import { figureValueText, stageLabel } from './landscape';
import { clusterFieldLabel, figureLabel } from './meetings';
import { questionLabel, questionOptions } from './survey';

describe('labels', () => {
	it('speaks the explicit language, and the current one (Danish) without it', () => {
		expect(checklistLabel('proximity', 'en')).toBe('Proximity and presence');
		expect(checklistLabel('proximity', 'da')).toBe('Nærhed og tilstedeværelse');
		expect(checklistLabel('proximity')).toBe('Nærhed og tilstedeværelse');
		expect(criterionLabel('reach', 'en')).toBe('Reach in the region');
		expect(roleLabel('analyst', 'en')).toBe('Analyst');
		expect(stageLabel('mature', 'en')).toBe('Mature');
		expect(figureValueText({ value: 400, unit: 'count', qualifier: 'approx' }, 'en')).toBe(
			'about 400'
		);
	});

	it('has words in both languages for every code of each list', () => {
		const lists: [string, (locale: 'da' | 'en') => string[]][] = [
			['checklist', (l) => checklistCodes.map((c) => checklistLabel(c, l))],
			['contribution', (l) => contributionKinds.map((c) => contributionLabel(c, l))],
			['presence', (l) => (['any', 'present', 'absent'] as const).map((p) => presenceLabel(p, l))],
			['criterion', (l) => criteria.map((c) => criterionLabel(c, l))],
			['role', (l) => [...staffRoles, 'respondent' as const].map((r) => roleLabel(r, l))],
			['stage', (l) => [...maturityStages, null].map((s) => stageLabel(s, l))],
			['question', (l) => questionKeys.map((k) => questionLabel(k, l))]
		];
		for (const [name, labels] of lists) {
			const da = labels('da');
			const en = labels('en');
			expect(da.every(Boolean), name).toBe(true);
			expect(new Set(da).size, name).toBe(da.length);
			expect(en, name).not.toEqual(da);
		}
		expect(questionOptions('en').map((o) => o.value)).toEqual([...questionKeys]);
	});

	it('shows an unknown key as it is', () => {
		expect(figureLabel('nonsense')).toBe('nonsense');
		expect(clusterFieldLabel('nonsense', 'en')).toBe('nonsense');
		expect(questionLabel('nonsense')).toBe('nonsense');
	});
});
