/** The progress of a user's running upload, for the page that started it. */
import { finishProgress, isProgressToken, progressOf, reportProgress } from '../../import/progress';
import { requireRole } from '../access';
import type { ImportProgress } from './import';
import type { Ctx } from '../context';

const userOf = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

export function uploadProgress(ctx: Ctx, token: string | null): ImportProgress | null {
	requireRole(ctx, 'analyst');
	const user = userOf(ctx);
	return user && isProgressToken(token) ? progressOf(token, user) : null;
}

/** Runs `work` with a progress callback that the page can read under `token` while it runs. */
export async function withUploadProgress<T>(
	ctx: Ctx,
	token: string | null,
	work: (onProgress?: (progress: ImportProgress) => void) => Promise<T>
): Promise<T> {
	const user = userOf(ctx);
	if (!user || !isProgressToken(token)) return work();
	try {
		return await work(reportProgress(token, user));
	} finally {
		finishProgress(token);
	}
}
