import { describe, expect, it } from 'vitest';
import { wrapLabel } from './label-lines';

describe('chart labels', () => {
	it.each([
		['Innovationssamarbejder', 60, 'Innovationssamarbejder'],
		['Innovationssamarbejder med virksomheder', 120, 'Innovationssamarbejder\nmed virksomheder'],
		['Test- og demonstrationsfaciliteter', 100, 'Test- og\ndemonstrationsfaciliteter'],
		['Forsknings-innovationssamarbejde', 60, 'Forsknings-\ninnovationssamarbejde'],
		['Kort', 120, 'Kort']
	])('wraps %j within %i px only at spaces and hyphens', (label, width, lines) => {
		expect(wrapLabel(label, width, 12)).toBe(lines);
	});
});
