import { describe, expect, it } from 'vitest';
import { diffAuditValues } from './audit-diff';

describe('diffAuditValues', () => {
	it('lists only changed fields, ignoring bookkeeping', () => {
		expect(
			diffAuditValues(
				{ members: 400, name: 'ECD', updatedAt: '2026-01-01', tags: ['a'] },
				{ members: 445, name: 'ECD', updatedAt: '2026-02-01', tags: ['a', 'b'] }
			)
		).toEqual([
			{ field: 'members', before: 400, after: 445 },
			{ field: 'tags', before: ['a'], after: ['a', 'b'] }
		]);
	});

	it('treats a create as all fields new and a delete as all fields gone', () => {
		expect(diffAuditValues(null, { a: 1 })).toEqual([{ field: 'a', before: undefined, after: 1 }]);
		expect(diffAuditValues({ a: 1 }, null)).toEqual([{ field: 'a', before: 1, after: undefined }]);
	});
});
