/**
 * Messages to respondents (invitations, reminders). With SMTP_URL they are sent through
 * nodemailer; without it they wait in the in-app outbox for an analyst to copy. Either way a copy
 * is kept, so the status page can show what was sent when.
 */
import nodemailer from 'nodemailer';
import { actorLabel } from '$lib/domain/access';
import { getConfig } from '../config';
import type { Db, Tx } from '../db/client';
import { insertMessage, listMessages, markHandled, type OutboxRow } from '../db/queries/outbox';
import { logger } from '../log';
import { requireRole } from './access';
import type { Ctx } from './context';

export interface Message {
	to: string | null;
	subject: string;
	body: string;
	/**
	 * What the outbox keeps when the sent body holds a secret (a survey link): the same text with
	 * the secret left out, so neither the table nor a backup of it opens anything.
	 */
	keptBody?: string;
	kind: 'survey-invitation' | 'survey-reminder' | 'kpi-reminder' | 'other';
	roundId?: number;
}

type Transport = {
	sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
};
let transport: Transport | undefined;

/** Tests and the bench swap in their own transport. */
export function setMailTransport(next: Transport | undefined): void {
	transport = next;
}

function smtp(): Transport | undefined {
	if (transport) return transport;
	const config = getConfig();
	if (!config.smtp) return undefined;
	transport = nodemailer.createTransport(config.smtp.url);
	return transport;
}

/** Sends by SMTP when configured and there is a recipient; otherwise keeps it in the outbox. */
export async function deliver(
	db: Db | Tx,
	ctx: Pick<Ctx, 'actor' | 'organisation'>,
	message: Message
): Promise<OutboxRow> {
	const sender = smtp();
	let status: 'outbox' | 'sent' | 'failed' = 'outbox';
	let error: string | null = null;
	if (sender && message.to) {
		try {
			await sender.sendMail({
				// The organisation's own sender, else the installation's.
				from: ctx.organisation?.settings.mailFrom ?? getConfig().mailFrom,
				to: message.to,
				subject: message.subject,
				text: message.body
			});
			status = 'sent';
		} catch (err) {
			status = 'failed';
			error = err instanceof Error ? err.message : String(err);
			logger.warn('Sending e-mail failed; the message stays in the outbox', {
				kind: message.kind,
				error
			});
		}
	}
	return insertMessage(db, {
		toAddress: message.to,
		subject: message.subject,
		body: message.keptBody ?? message.body,
		status,
		error,
		kind: message.kind,
		roundId: message.roundId ?? null,
		createdByLabel: actorLabel(ctx.actor),
		handledAt: status === 'sent' ? new Date() : null
	});
}

export async function listOutbox(ctx: Ctx): Promise<OutboxRow[]> {
	requireRole(ctx, 'analyst');
	return listMessages(ctx.db);
}

export async function markMessageHandled(ctx: Ctx, id: number): Promise<void> {
	requireRole(ctx, 'analyst');
	await markHandled(ctx.db, id);
}
