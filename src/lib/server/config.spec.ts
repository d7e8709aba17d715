import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, sizeInBytes } from './config';
import { IMPORT_LIMITS } from './services/companies';

describe('loadConfig', () => {
	it('defaults to embedded PGlite in ./data/db on 127.0.0.1:3000, Danish, with demo data', () => {
		const config = loadConfig({});
		expect(config.database).toEqual({ kind: 'pglite', dataDir: './data/db' });
		expect(config.server).toEqual({
			host: '127.0.0.1',
			port: 3000,
			origin: undefined,
			bodySizeLimit: '12M'
		});
		expect(config.lang).toBe('da');
		expect(config.demoData).toBe(true);
		expect(config.smtp).toBeUndefined();
	});

	it('uses a PostgreSQL server when DATABASE_URL is set, and treats empty values as unset', () => {
		expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', PORT: '' }).database).toEqual({
			kind: 'postgres',
			url: 'postgres://u@h:5432/db'
		});
		expect(loadConfig({ KLYNGERADAR_DEMO_DATA: 'false' }).demoData).toBe(false);
	});

	it('reads the body limits in bytes: 12M for the pages, 400M for the API import', () => {
		expect(loadConfig({}).bodyLimits).toEqual({
			pages: 12 * 1024 * 1024,
			apiImport: 400 * 1024 * 1024
		});
		expect(loadConfig({}).bodyLimits.apiImport).toBe(IMPORT_LIMITS.bytes);
		expect(
			loadConfig({ BODY_SIZE_LIMIT: '512K', KLYNGERADAR_IMPORT_SIZE_LIMIT: '1M' }).bodyLimits
		).toEqual({ pages: 512 * 1024, apiImport: 1024 * 1024 });
		// As `klyngeradar serve` hands it on, after raising BODY_SIZE_LIMIT for adapter-node.
		const served = loadConfig({ BODY_SIZE_LIMIT: '419430400', KLYNGERADAR_BODY_SIZE_LIMIT: '3M' });
		expect(served.bodyLimits.pages).toBe(3 * 1024 * 1024);
		expect(served.server.bodySizeLimit).toBe('3M');
	});

	it.each([
		['512K', 524_288],
		['12m', 12_582_912],
		['1G', 1_073_741_824],
		['4096', 4096]
	])('reads the size %s as %i bytes, as adapter-node does', (text, bytes) => {
		expect(sizeInBytes(text)).toBe(bytes);
	});

	it('names every bad variable with the value it got', () => {
		let error: unknown;
		try {
			loadConfig({
				PORT: '70000',
				DATABASE_URL: 'mysql://x',
				KLYNGERADAR_LANG: 'de',
				KLYNGERADAR_DEMO_DATA: 'maybe',
				BODY_SIZE_LIMIT: 'lots',
				KLYNGERADAR_IMPORT_SIZE_LIMIT: '500M'
			});
		} catch (err) {
			error = err;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const message = (error as Error).message;
		expect(message).toContain('PORT: expected a port between 1 and 65535 (got "70000")');
		expect(message).toContain(
			'DATABASE_URL: expected a postgres:// or postgresql:// URL (got "mysql://x")'
		);
		expect(message).toContain('KLYNGERADAR_LANG: expected da or en (got "de")');
		expect(message).toContain('BODY_SIZE_LIMIT: expected a size such as 512K or 12M (got "lots")');
		expect(message).toContain('KLYNGERADAR_DEMO_DATA: expected true or false (got "maybe")');
		expect(message).toContain(
			'KLYNGERADAR_IMPORT_SIZE_LIMIT: expected at most 400M, the largest file an import reads (got "500M")'
		);
	});
});
