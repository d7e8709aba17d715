import type { DbHandle } from '../../db/client';
import { migrationStatus } from '../../db/migrate';
import { packageVersion } from '../../paths';

export interface Health {
	status: 'ok';
	version: string;
	database: {
		kind: 'pglite' | 'postgres';
		migrations: { applied: number; available: number; latest: string | null };
	};
}

/** What `/api/v1/health` and `klyngeradar db status` report. */
export async function getHealth(handle: DbHandle): Promise<Health> {
	const status = await migrationStatus(handle);
	return {
		status: 'ok',
		version: packageVersion,
		database: {
			kind: handle.kind,
			migrations: {
				applied: status.applied,
				available: status.available,
				latest: status.latestApplied
			}
		}
	};
}
