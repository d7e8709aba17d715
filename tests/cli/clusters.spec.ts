import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { klyngeradar, tempDir } from './run';

let dataDir = '';

beforeAll(async () => {
	dataDir = join(tempDir(), 'db');
	const seeded = await klyngeradar(['--data-dir', dataDir, '--json', 'db', 'seed']);
	expect(seeded.code, seeded.stderr).toBe(0);
	expect(JSON.parse(seeded.stdout)).toMatchObject({ clustersInserted: 13, municipalities: 98 });
});

describe('klyngeradar clusters', () => {
	it('lists the landscape as of 2021 as JSON: 13 identified of 14 designated', async () => {
		const run = await klyngeradar([
			'--data-dir',
			dataDir,
			'--json',
			'clusters',
			'list',
			'--as-of',
			'2021'
		]);
		expect(run.code, run.stderr).toBe(0);
		const body = JSON.parse(run.stdout) as {
			count: number;
			programmes: { count: number; identified: number; unidentified: number }[];
			clusters: { slug: string; figures: Record<string, { source: { kind: string } }> }[];
		};
		expect(body.count).toBe(13);
		expect(body.programmes[0]).toMatchObject({ count: 14, identified: 13, unidentified: 1 });
		expect(
			body.clusters.find((c) => c.slug === 'energy-cluster-denmark')?.figures.members?.source.kind
		).toBe('reference');
	});

	it('prints a readable table with the programme gap', async () => {
		const run = await klyngeradar(['--data-dir', dataDir, 'clusters', 'list', '--as-of', '2023']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('energy-cluster-denmark');
		expect(run.stdout).not.toContain('marlog');
		expect(run.stdout).toContain('13 klynger – 12 identificeret, 0 usikre, 1 ikke identificeret');
	});

	it('shows one cluster with its figures and sources, and refuses unknown ones', async () => {
		const show = await klyngeradar([
			'--data-dir',
			dataDir,
			'clusters',
			'show',
			'energy-cluster-denmark'
		]);
		expect(show.code).toBe(0);
		expect(show.stdout).toContain('Energy Cluster Denmark (ECD)');
		expect(show.stdout).toContain('Aalborg (HQ) [851]');
		const json = JSON.parse(
			(await klyngeradar(['--data-dir', dataDir, '--json', 'clusters', 'show', 'marlog'])).stdout
		) as { status: string; closedYear: number };
		expect(json).toMatchObject({ status: 'closed', closedYear: 2022 });
		const missing = await klyngeradar(['--data-dir', dataDir, 'clusters', 'show', 'nope']);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('Klyngen „nope“ findes ikke.');
		const badYear = await klyngeradar([
			'--data-dir',
			dataDir,
			'clusters',
			'list',
			'--as-of',
			'1999'
		]);
		expect(badYear.code).toBe(1);
		expect(badYear.stderr).toContain('asOf: Skal være et årstal mellem 2000 og 2100.');
	});
});
