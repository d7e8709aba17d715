/**
 * Organisations on the command line: a platform admin's `organisation create`, commands that
 * must say which organisation they act in once there are several, and the national view.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { klyngeradar, tempDir } from './run';

describe('klyngeradar with several organisations', () => {
	it('creates one, then asks which organisation a command acts in, and shows the national view', async () => {
		const dataDir = join(tempDir(), 'db');
		const at = ['--data-dir', dataDir];
		expect((await klyngeradar([...at, 'db', 'seed'])).code).toBe(0);
		const created = await klyngeradar([
			...at,
			'--json',
			'organisation',
			'create',
			'--code',
			'syd',
			'--name',
			'Syddanmark (CLI-test)',
			'--kind',
			'regional',
			'--region',
			'1083',
			'--admin-email',
			'syd-admin@cli.example.dk'
		]);
		expect(created.code, created.stderr).toBe(0);
		expect(JSON.parse(created.stdout)).toMatchObject({
			organisation: { code: 'syd', regionCode: '1083' },
			admin: {
				email: 'syd-admin@cli.example.dk',
				invitationPath: expect.stringMatching(/^\/invitation\//)
			}
		});

		const unnamed = await klyngeradar([...at, 'survey', 'list']);
		expect(unnamed.code).toBe(1);
		expect(unnamed.stderr).toContain('--organisation');
		expect(unnamed.stderr).toContain('brn, syd');
		const unknown = await klyngeradar([...at, '--organisation', 'nord', 'survey', 'list']);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toContain('"nord"');
		const named = await klyngeradar([...at, '--organisation', 'syd', '--json', 'survey', 'list']);
		expect(named.code, named.stderr).toBe(0);
		expect(JSON.parse(named.stdout)).toEqual({ rounds: [] });

		const national = await klyngeradar([...at, '--organisation', 'brn', '--json', 'national']);
		expect(national.code, national.stderr).toBe(0);
		expect(JSON.parse(national.stdout)).toMatchObject({
			coverage: {
				rounds: [],
				regionsWithout: expect.arrayContaining([{ code: '1083', name: 'Region Syddanmark' }])
			},
			matrix: { regions: [], cells: {} }
		});
	});
});
