import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { klyngeradar, root, start, stop, tempDir } from './run';

const fixtures = join(root, 'tests', 'fixtures', 'survey');
const demoFile = join(root, 'data', 'demo', 'survey-nordjylland-2023.json');
let dataDir = '';

beforeAll(async () => {
	dataDir = join(tempDir(), 'db');
	expect((await klyngeradar(['--data-dir', dataDir, 'db', 'seed'])).code).toBe(0);
});

describe('klyngeradar survey', () => {
	it('imports the format and prints the new round id; lists it', async () => {
		const imported = await klyngeradar([
			'--data-dir',
			dataDir,
			'--json',
			'survey',
			'import',
			demoFile
		]);
		expect(imported.code, imported.stderr).toBe(0);
		const { roundId } = JSON.parse(imported.stdout) as { roundId: number };
		expect(roundId).toBeGreaterThan(0);
		const list = JSON.parse(
			(await klyngeradar(['--data-dir', dataDir, '--json', 'survey', 'list'])).stdout
		) as {
			rounds: {
				id: number;
				regionCode: string;
				year: number;
				title: string;
				invited: number;
				completed: number;
			}[];
		};
		expect(list.rounds.find((r) => r.id === roundId)).toMatchObject({
			regionCode: '1081',
			year: 2023,
			invited: 12,
			completed: 12
		});
		const text = await klyngeradar(['--data-dir', dataDir, 'survey', 'findings', String(roundId)]);
		expect(text.stdout).toContain('Mindst 1.740 unikke virksomheder fra 10 klynger');
		expect(text.stdout).toContain(
			'7 samarbejdsaftaler med 5 kommuner er fordelt på 3 klynger; én klynge har 4 af de 7 aftaler.'
		);
	});

	it.each([
		'unknown-actor.json',
		'sums-do-not-add-up.json',
		'malformed.json',
		'wrong-format-tag.json'
	])('refuses %s with exit code 1, the field named, and nothing written', async (file) => {
		const before = JSON.parse(
			(await klyngeradar(['--data-dir', dataDir, '--json', 'survey', 'list'])).stdout
		) as { rounds: unknown[] };
		const run = await klyngeradar([
			'--data-dir',
			dataDir,
			'survey',
			'import',
			join(fixtures, file)
		]);
		expect(run.code).toBe(1);
		const cases = JSON.parse(readFileSync(join(fixtures, 'cases.json'), 'utf8')) as {
			file: string;
			expect: { path: string; contains: string };
		}[];
		const expected = cases.find((c) => c.file === file)?.expect;
		expect(run.stderr).toContain('Filen blev ikke indlæst');
		expect(run.stderr).toContain(expected?.contains ?? '?');
		if (expected?.path) expect(run.stderr).toContain(`${expected.path}: `);
		const after = JSON.parse(
			(await klyngeradar(['--data-dir', dataDir, '--json', 'survey', 'list'])).stdout
		) as { rounds: unknown[] };
		expect(after.rounds).toHaveLength(before.rounds.length);
	});

	it('exports JSON and CSV, and refuses a bad format or round', async () => {
		const json = await klyngeradar(['--data-dir', dataDir, 'survey', 'export', '1']);
		expect(JSON.parse(json.stdout)).toMatchObject({
			format: 'klyngeradar/survey-responses@1',
			round: { year: 2023 }
		});
		const csv = await klyngeradar([
			'--data-dir',
			dataDir,
			'survey',
			'export',
			'1',
			'--format',
			'csv'
		]);
		expect(csv.stdout).toContain('cluster;status;activeInRegion');
		const bad = await klyngeradar([
			'--data-dir',
			dataDir,
			'survey',
			'export',
			'1',
			'--format',
			'pdf'
		]);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('format: Skal være en af: json, csv, xlsx.');
		const missing = await klyngeradar(['--data-dir', dataDir, 'survey', 'findings', '999']);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('Surveyrunden 999 findes ikke.');
	});

	it('gives the same findings document through the CLI and the API', async () => {
		const cli = JSON.parse(
			(await klyngeradar(['--data-dir', dataDir, '--json', 'survey', 'findings', '1'])).stdout
		) as unknown;
		await klyngeradar(
			[
				'--data-dir',
				dataDir,
				'user',
				'create',
				'--email',
				'api@brn.dk',
				'--role',
				'viewer',
				'--password-stdin'
			],
			{
				input: 'a long enough passphrase\n'
			}
		);
		const token = JSON.parse(
			(
				await klyngeradar([
					'--data-dir',
					dataDir,
					'--json',
					'token',
					'create',
					'--email',
					'api@brn.dk'
				])
			).stdout
		) as {
			token: string;
		};
		const server = await start(
			['--data-dir', dataDir, 'serve', '--port', '4182'],
			/Klyngeradar kører på/,
			{}
		);
		try {
			const response = await fetch('http://127.0.0.1:4182/api/v1/survey-rounds/1/findings', {
				headers: { authorization: `Bearer ${token.token}` }
			});
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual(cli);
		} finally {
			await stop(server.child);
		}
	});
});
