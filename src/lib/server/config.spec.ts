import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

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

	it('names every bad variable with the value it got', () => {
		let error: unknown;
		try {
			loadConfig({
				PORT: '70000',
				DATABASE_URL: 'mysql://x',
				KLYNGERADAR_LANG: 'de',
				KLYNGERADAR_DEMO_DATA: 'maybe',
				BODY_SIZE_LIMIT: 'lots'
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
	});
});
