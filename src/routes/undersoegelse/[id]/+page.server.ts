import type { Actions, PageServerLoad } from './$types';
import { roundPublication, setRoundPublished } from '$lib/server/services/national';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import {
	getRoundStatus,
	reopenResponseByAnalyst,
	revokeInvitationLinks,
	sendInvitation,
	setInvitationRecipient,
	setRoundOpen
} from '$lib/server/services/survey';

export const load: PageServerLoad = async ({ locals, params }) => ({
	status: await runLoad(() => getRoundStatus(locals.ctx, Number(params.id))),
	publication: await runLoad(() => roundPublication(locals.ctx, Number(params.id)))
});

export const actions: Actions = {
	send: async ({ request, locals, url }) => {
		const form = await request.formData();
		const { invitationId } = formObject(form, ['invitationId']);
		const result = await tryAction(
			form,
			() => sendInvitation(locals.ctx, invitationId, url.origin),
			'invitations'
		);
		return result.ok ? { sent: { ...result.value, invitationId } } : result.failure;
	},
	revoke: async ({ request, locals }) => {
		const form = await request.formData();
		const { invitationId } = formObject(form, ['invitationId']);
		const result = await tryAction(
			form,
			() => revokeInvitationLinks(locals.ctx, invitationId),
			'invitations'
		);
		return result.ok ? { saved: 'revoked' } : result.failure;
	},
	recipient: async ({ request, locals }) => {
		const form = await request.formData();
		const { invitationId, email } = formObject(form, ['invitationId', 'email']);
		const result = await tryAction(
			form,
			() => setInvitationRecipient(locals.ctx, invitationId, email),
			'invitations'
		);
		return result.ok ? { saved: 'recipient' } : result.failure;
	},
	reopenResponse: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { clusterId } = formObject(form, ['clusterId']);
		const result = await tryAction(
			form,
			() => reopenResponseByAnalyst(locals.ctx, Number(params.id), Number(clusterId)),
			'invitations'
		);
		return result.ok ? { saved: 'reopened' } : result.failure;
	},
	close: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => setRoundOpen(locals.ctx, Number(params.id), false),
			'round'
		);
		return result.ok ? { saved: 'closed' } : result.failure;
	},
	publish: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => setRoundPublished(locals.ctx, Number(params.id), form.get('on') === 'true'),
			'publication'
		);
		return result.ok ? { saved: 'publication' } : result.failure;
	},
	open: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => setRoundOpen(locals.ctx, Number(params.id), true),
			'round'
		);
		return result.ok ? { saved: 'opened' } : result.failure;
	}
};
