import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSoffice } from '../../src/lib/server/pptx/pdf';
import { klyngeradar, seededDataDir } from './run';

let dataDir = '';
let dir = '';

beforeAll(async () => {
	({ dir, dataDir } = await seededDataDir({ demo: true }));
});

interface Listed {
	meetings: { id: number; audience: string; isDemo: boolean; title: string }[];
}

async function boardMeetingId(): Promise<number> {
	const listed = await klyngeradar(['--data-dir', dataDir, '--json', 'meetings', 'list']);
	expect(listed.code, listed.stderr).toBe(0);
	const board = (JSON.parse(listed.stdout) as Listed).meetings.find((x) => x.audience === 'board');
	if (!board) throw new Error('no demo board meeting');
	return board.id;
}

/** Share of a page's pixels that are not (near) white. */
function inkShare(file: string): number {
	const png = PNG.sync.read(readFileSync(file));
	let ink = 0;
	for (let i = 0; i < png.data.length; i += 4) {
		const [r = 255, g = 255, b = 255] = png.data.subarray(i, i + 3);
		if (r < 230 || g < 230 || b < 230) ink += 1;
	}
	return ink / (png.width * png.height);
}

const soffice = findSoffice('soffice', process.env.PATH ?? '');
const pdftoppm = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((p) => existsSync(p));
const canRender = soffice !== null && pdftoppm !== undefined;
if (!canRender && process.env.CI === 'true')
	throw new Error(
		'CI=true but LibreOffice (libreoffice-impress) or pdftoppm (poppler-utils) is missing: the deck render check cannot run.'
	);

describe('klyngeradar meetings and deck', () => {
	it('lists the demo board and management meetings as JSON', async () => {
		const listed = await klyngeradar(['--data-dir', dataDir, '--json', 'meetings', 'list']);
		expect(listed.code, listed.stderr).toBe(0);
		const meetings = (JSON.parse(listed.stdout) as Listed).meetings;
		expect(meetings.map((x) => [x.audience, x.isDemo]).sort()).toEqual([
			['board', true],
			['management', true]
		]);
	});

	it('writes the board deck as PowerPoint, and refuses an unknown format with exit code 2', async () => {
		const id = await boardMeetingId();
		const out = join(dir, 'board.pptx');
		const written = await klyngeradar([
			'--data-dir',
			dataDir,
			'deck',
			'--meeting',
			String(id),
			'--out',
			out
		]);
		expect(written.code, written.stderr).toBe(0);
		expect(written.stdout).toContain(out);
		const zip = await JSZip.loadAsync(readFileSync(out));
		expect(
			Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
		).toHaveLength(12);
		const bad = await klyngeradar([
			'--data-dir',
			dataDir,
			'deck',
			'--meeting',
			String(id),
			'--format',
			'docx'
		]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('docx');
	});

	it.skipIf(!canRender)(
		'renders the demo board deck to PDF with LibreOffice and to PNG pages that are not blank',
		async () => {
			const id = await boardMeetingId();
			const pdf = join(dir, 'board.pdf');
			const written = await klyngeradar([
				'--data-dir',
				dataDir,
				'deck',
				'--meeting',
				String(id),
				'--format',
				'pdf',
				'--out',
				pdf
			]);
			expect(written.code, written.stderr).toBe(0);
			// The pages stay in test-results/ for a person to look at.
			const pages = join('test-results', 'deck-board');
			rmSync(pages, { recursive: true, force: true });
			mkdirSync(pages, { recursive: true });
			execFileSync(pdftoppm ?? 'pdftoppm', ['-png', '-r', '40', pdf, join(pages, 'slide')]);
			const files = readdirSync(pages)
				.filter((f) => f.endsWith('.png'))
				.sort();
			expect(files).toHaveLength(12);
			for (const file of files) expect(inkShare(join(pages, file)), file).toBeGreaterThan(0.01);
		}
	);
});
