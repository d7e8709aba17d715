import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; no database connection is opened.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	strict: true,
	verbose: true
});
