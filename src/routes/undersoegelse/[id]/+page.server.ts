import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
import {
	getRoundStatus,
	reopenResponseByAnalyst,
	revokeInvitationLinks,
	sendInvitation,
	setInvitationRecipient,
	setRoundOpen
} from '$lib/server/services/survey';

export const load: PageServerLoad = async ({ locals, params }) => ({
	status: await runLoad(() => getRoundStatus(locals.ctx, Number(params.id)))
});

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	send: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => sendInvitation(locals.ctx, text(form, 'invitationId'), url.origin),
			'invitations'
		);
		return 'link' in result
			? { sent: { ...result, invitationId: text(form, 'invitationId') } }
			: result;
	},
	revoke: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => revokeInvitationLinks(locals.ctx, text(form, 'invitationId')),
			'invitations'
		);
		return result ?? { saved: 'revoked' };
	},
	recipient: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => setInvitationRecipient(locals.ctx, text(form, 'invitationId'), text(form, 'email')),
			'invitations'
		);
		return result ?? { saved: 'recipient' };
	},
	reopenResponse: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => reopenResponseByAnalyst(locals.ctx, Number(params.id), Number(text(form, 'clusterId'))),
			'invitations'
		);
		return result ?? { saved: 'reopened' };
	},
	close: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => setRoundOpen(locals.ctx, Number(params.id), false),
			'round'
		);
		return result ?? { saved: 'closed' };
	},
	open: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => setRoundOpen(locals.ctx, Number(params.id), true),
			'round'
		);
		return result ?? { saved: 'opened' };
	}
};
