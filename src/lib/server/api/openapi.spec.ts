import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessFor } from '../auth/policy';
import { buildOpenApiDocument } from './openapi';
import { endpoints } from './registry';

const routesDir = join(process.cwd(), 'src', 'routes');

/** Every `+server.ts` under /api with the HTTP methods it exports. */
function serverRoutes(dir = join(routesDir, 'api')): { routeId: string; methods: string[] }[] {
	const found: { routeId: string; methods: string[] }[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) found.push(...serverRoutes(path));
		else if (name === '+server.ts') {
			const source = readFileSync(path, 'utf8');
			const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
				(m) => m[1] ?? ''
			);
			found.push({ routeId: `/${relative(routesDir, dir).replaceAll('\\', '/')}`, methods });
		}
	}
	return found;
}

describe('API registry and OpenAPI document', () => {
	it('has a spec for every exported endpoint method, and no spec without one', () => {
		const fromFiles = serverRoutes()
			.flatMap(({ routeId, methods }) => methods.map((method) => `${method} ${routeId}`))
			.sort();
		const fromSpecs = endpoints.map((spec) => `${spec.method} ${spec.routeId}`).sort();
		expect(fromSpecs).toEqual(fromFiles);
	});

	it('declares an access policy for every endpoint', () => {
		for (const spec of endpoints) {
			expect(accessFor(spec.routeId, spec.method), `${spec.method} ${spec.routeId}`).toBeDefined();
		}
	});

	it('describes every endpoint with its role, input and output schemas', () => {
		const document = buildOpenApiDocument('test');
		expect(document.openapi).toBe('3.1.0');
		const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
			Object.entries(item ?? {}).map(([method, operation]) => ({
				path,
				method,
				operation: operation as Record<string, unknown>
			}))
		);
		expect(operations).toHaveLength(endpoints.length);
		expect(new Set(operations.map((op) => op.operation.operationId)).size).toBe(endpoints.length);
		const createUser = operations.find(
			(op) => op.operation.operationId === 'createUser'
		)?.operation;
		expect(createUser?.['x-required-role']).toBe('admin');
		expect(JSON.stringify(createUser?.requestBody)).toContain('"email"');
		expect(document.paths?.['/api/v1/openapi.json']).toBeDefined();
		expect(document.paths?.['/api/v1/users/{id}']?.patch?.parameters?.[0]).toMatchObject({
			in: 'path',
			name: 'id'
		});
		const health = document.paths?.['/api/v1/health']?.get as Record<string, unknown>;
		expect(health['x-required-role']).toBe('public');
		expect(health.security).toEqual([]);
	});
});
