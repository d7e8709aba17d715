/**
 * No query of owned data without the organisation scope: every function in the query modules
 * that reads, changes or deletes rows of an owned table (db/ownership.ts) filters them with
 * `ownedBy(<table>)`, or, in raw SQL, compares the table's `organisation_id` with `scopeSql`.
 * Inserts need no filter: the column's default is the scope, and row-level security checks it.
 * The few lookups that find the organisation from a secret (a session, a token, a link) run
 * before any scope exists and are named below with the reason.
 */
import { getTableName, isTable } from 'drizzle-orm';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tableClasses, type TableName } from '../../src/lib/server/db/ownership';
import * as schema from '../../src/lib/server/db/schema';

const root = join(import.meta.dirname, '../../src/lib/server');
/** The query modules, and the services and routes, which should not query on their own. */
const folders = ['db/queries', 'services'].map((folder) => join(root, folder));

/**
 * Functions that do not filter by the scope, by `file:function`, and why: lookups that run
 * before a scope exists, and the register's maintenance of every organisation's derived rows
 * after a shared extract (as the owner, `asOwner`).
 */
const beforeScope: Record<string, string> = {
	'db/queries/companies/presence.ts:presenceOf':
		'its callers give the rows: one scope, or all after a register',
	'db/queries/companies/presence.ts:rebuildPresence':
		'a shared register extract moves every organisation’s companies',
	'db/queries/companies/cache.ts:clearEveryonesFigures':
		'a shared register extract changes every organisation’s counts',
	'db/queries/users/api-tokens.ts:findApiTokenWithUser': 'a bearer token names its organisation',
	'db/queries/users/api-tokens.ts:touchApiToken':
		'part of the token check, by the token id just found',
	'db/queries/users/invitations.ts:findOpenInvitation': 'an invitation link names its organisation',
	'db/queries/survey/invitations.ts:findToken': 'a survey link names its round and organisation'
};

/** Schema identifiers of owned tables, with their SQL names. */
const ownedIdentifiers = new Map<string, string>(
	Object.entries(schema)
		.filter(([, value]) => isTable(value))
		.map(([name, value]) => [name, getTableName(value as never)] as const)
		.filter(([, table]) => tableClasses[table as TableName] === 'owned')
);
const ownedNames = new Set(ownedIdentifiers.values());

function queryFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return queryFiles(path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
	});
}

interface Finding {
	where: string;
	table: string;
}

/** The schema's table objects a file imports (`import { agreements } from '../../schema'`). */
function importedTables(source: ts.SourceFile): Set<string> {
	const names = new Set<string>();
	for (const statement of source.statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
			continue;
		if (!/(^|\/)schema(\/|$)/.test(statement.moduleSpecifier.text)) continue;
		const bindings = statement.importClause?.namedBindings;
		if (bindings && ts.isNamedImports(bindings))
			for (const element of bindings.elements) names.add(element.name.text);
	}
	return names;
}

/**
 * The functions of a file (declarations and arrow functions bound to a name) with their text,
 * and the schema tables the file imports.
 */
function functionsOf(path: string): { name: string; body: string; tables: Set<string> }[] {
	const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
	const tables = importedTables(source);
	const found: { name: string; body: string; tables: Set<string> }[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isFunctionDeclaration(node) && node.name && node.body)
			found.push({ name: node.name.text, body: node.body.getText(source), tables });
		else if (
			ts.isVariableDeclaration(node) &&
			ts.isIdentifier(node.name) &&
			node.initializer &&
			(ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
		)
			found.push({ name: node.name.text, body: node.initializer.body.getText(source), tables });
		else ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

/** Owned tables a function touches without the scope filter. */
function unscoped(body: string, imported?: Set<string>): string[] {
	const missing = new Set<string>();
	// Messages in quotes name tables too ("insert into agreements returned no row").
	const code = body.replace(/'[^'\n]*'|"[^"\n]*"/g, "''");
	// An insert names its table and the columns it returns; the scope is its default.
	const withoutInserts = code
		.replace(/\.insert\(\s*\w+\s*\)/g, '.insert()')
		.replace(/\.returning\(\{[^}]*\}\)/g, '.returning()');
	for (const [identifier, table] of ownedIdentifiers) {
		if (imported && !imported.has(identifier)) continue;
		// A table object in use: its columns, or passed to from/join/update/delete or into sql.
		const used = new RegExp(
			`(?<![\\w.])${identifier}\\.\\w|\\(\\s*${identifier}\\s*[,)]|\\$\\{${identifier}\\}`
		).test(withoutInserts);
		if (used && !new RegExp(`ownedBy\\(\\s*${identifier}\\s*\\)`).test(code)) missing.add(table);
	}
	// Raw SQL names tables in its text; each owned one read there needs its comparison.
	const rawTables = [...code.matchAll(/\b(?:from|join|update|delete from)\s+([a-z_]+)/g)]
		.map((match) => match[1] ?? '')
		.filter((table) => ownedNames.has(table));
	const comparisons = (code.match(/organisation_id\s*=\s*\$\{scopeSql\}/g) ?? []).length;
	if (new Set(rawTables).size > comparisons) for (const table of rawTables) missing.add(table);
	return [...missing];
}

describe('organisation scope in the query modules', () => {
	const files = folders.flatMap(queryFiles);

	it('finds the query modules and the owned tables', () => {
		expect(files.length).toBeGreaterThan(20);
		expect(ownedIdentifiers.get('agreements')).toBe('agreements');
		expect(ownedIdentifiers.has('clusters')).toBe(false);
	});

	it('filters every read, change and delete of owned rows by the organisation in scope', () => {
		const findings: Finding[] = [];
		for (const path of files) {
			const file = relative(root, path);
			for (const fn of functionsOf(path)) {
				if (beforeScope[`${file}:${fn.name}`]) continue;
				for (const table of unscoped(fn.body, fn.tables))
					findings.push({ where: `${file}:${fn.name}`, table });
			}
		}
		expect(findings).toEqual([]);
	});

	it('tells a scoped query from one that forgets', () => {
		expect(unscoped('return db.select().from(agreements).where(eq(agreements.id, id));')).toEqual([
			'agreements'
		]);
		expect(
			unscoped(
				'return db.select().from(agreements).where(and(ownedBy(agreements), eq(agreements.id, id)));'
			)
		).toEqual([]);
		expect(unscoped('await db.insert(agreements).values(row);')).toEqual([]);
		expect(unscoped('sql`select * from kpis k where k.agreement_id = ${id}`')).toEqual(['kpis']);
		expect(
			unscoped('sql`select * from kpis k where k.organisation_id = ${scopeSql} and k.id = ${id}`')
		).toEqual([]);
	});

	it('names only functions that exist among those that run before a scope', () => {
		const names = new Set(
			files.flatMap((path) => functionsOf(path).map((fn) => `${relative(root, path)}:${fn.name}`))
		);
		expect(Object.keys(beforeScope).filter((name) => !names.has(name))).toEqual([]);
	});
});
