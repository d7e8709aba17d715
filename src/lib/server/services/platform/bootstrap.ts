import type { Config } from '../../config';
import { createDb, type DbHandle } from '../../db/client';
import { migrate } from '../../db/migrate';
import { countUsers } from '../../db/queries/users/users';
import { m } from '../../i18n';
import { createUser, setPlatformAdminRole } from '../users';
import { seedReferenceData } from './reference-seed';
import { seedDemoData } from './demo';

export interface FirstAdmin {
	email: string;
	oneTimePassword: string;
}

/**
 * Creates the first admin when the database has no users at all. The one-time password is
 * returned for the caller to print once; there is never a default password.
 */
export async function ensureFirstAdmin(
	handle: DbHandle,
	config: Config
): Promise<FirstAdmin | null> {
	if ((await countUsers(handle.db)) > 0) return null;
	const ctx = {
		db: handle.db,
		actor: { kind: 'system', label: 'bootstrap' },
		locale: config.lang
	} as const;
	const { user, oneTimePassword } = await createUser(ctx, {
		email: config.firstAdminEmail,
		name: 'Administrator',
		role: 'admin'
	});
	// The first admin also administers the installation: creates the other organisations.
	await setPlatformAdminRole(ctx, user.id, true);
	if (!oneTimePassword) throw new Error('expected a generated one-time password');
	return { email: config.firstAdminEmail, oneTimePassword };
}

export function describeFirstAdmin(admin: FirstAdmin, locale: Config['lang']): string {
	const line = '─'.repeat(64);
	return [
		line,
		m.bootstrap_admin_created({}, { locale }),
		`  ${m.bootstrap_email({}, { locale })}: ${admin.email}`,
		`  ${m.bootstrap_password({}, { locale })}: ${admin.oneTimePassword}`,
		`  ${m.bootstrap_password_note({}, { locale })}`,
		line
	].join('\n');
}

/**
 * Opens the database, applies migrations, loads reference data and (when configured) the demo
 * data, and creates the first admin. Used by the web server at start and by `klyngeradar serve`.
 */
export async function openAndPrepare(
	config: Config,
	log: (message: string) => void
): Promise<DbHandle> {
	const handle = await createDb(config.database);
	try {
		await migrate(handle);
		await seedReferenceData(handle.db);
		if (config.demoData) await seedDemoData(handle.db);
		const admin = await ensureFirstAdmin(handle, config);
		if (admin) log(describeFirstAdmin(admin, config.lang));
		return handle;
	} catch (error) {
		await handle.close();
		throw error;
	}
}
