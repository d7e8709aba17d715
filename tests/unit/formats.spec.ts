import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSchemas } from '../../src/lib/domain/formats';

describe('docs/formats', () => {
	it.each(Object.entries(formatSchemas()))(
		'%s matches the zod schema (run npm run docs:formats)',
		(file, schema) => {
			const committed = JSON.parse(
				readFileSync(join(process.cwd(), 'docs', 'formats', file), 'utf8')
			) as unknown;
			expect(committed).toEqual(schema);
		}
	);
});
