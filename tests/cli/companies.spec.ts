import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { klyngeradar, seededDataDir } from './run';

let dataDir = '';
const fixtures = join('tests', 'fixtures', 'imports');

beforeAll(async () => {
	({ dataDir } = await seededDataDir());
});

describe('klyngeradar import and companies stats', () => {
	it('imports a register extract and a member list, then counts unique companies as JSON', async () => {
		const register = await klyngeradar([
			'--data-dir',
			dataDir,
			'import',
			'register',
			join(fixtures, 'register.csv')
		]);
		expect(register.code, register.stderr).toBe(0);
		expect(register.stdout).toContain('12 af 12 rækker indlæst');
		const members = await klyngeradar([
			'--data-dir',
			dataDir,
			'--json',
			'import',
			'members',
			join(fixtures, 'members-made-2023.csv'),
			'--cluster',
			'made',
			'--year',
			'2023'
		]);
		expect(members.code, members.stderr).toBe(0);
		expect(JSON.parse(members.stdout)).toMatchObject({ rowsAccepted: 4, rowsForReview: 0 });
		const stats = await klyngeradar([
			'--data-dir',
			dataDir,
			'--json',
			'companies',
			'stats',
			'--region',
			'1081',
			'--year',
			'2023'
		]);
		expect(stats.code, stats.stderr).toBe(0);
		expect(JSON.parse(stats.stdout)).toMatchObject({
			uniqueCompanies: 4,
			byMunicipality: { '851': 2, '813': 1, '773': 1 },
			bySizeBand: { lt50: 3, ge50: 1, unknown: 0 },
			byCluster: { made: 4 },
			overlap: { '1': 4 }
		});
	});

	it('refuses a bad file with exit code 1, naming the line, and needs --cluster for a list', async () => {
		const bad = await klyngeradar([
			'--data-dir',
			dataDir,
			'import',
			'register',
			join(fixtures, 'bad', 'register-bad-cvr.csv')
		]);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain(
			'Linje 3, felt CVR-nummer: „10150818“ er ikke et gyldigt CVR-nummer'
		);
		const usage = await klyngeradar([
			'--data-dir',
			dataDir,
			'import',
			'members',
			join(fixtures, 'members-made-2023.csv')
		]);
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain('--cluster');
	});
});
