/**
 * Writes the JSON Schemas of Klyngeradar's file formats into docs/formats/, generated from the
 * zod schemas that validate them. A unit test fails when the committed files are out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSchemas } from '../src/lib/domain/formats';

for (const [file, schema] of Object.entries(formatSchemas())) {
	writeFileSync(
		join(import.meta.dirname, '..', 'docs', 'formats', file),
		`${JSON.stringify(schema, null, '\t')}\n`
	);
	console.log(`docs/formats/${file}`);
}
