import { z } from 'zod';
import { organisationKinds } from '$lib/domain/organisations';
import { CreateOrganisationSchema, UpdateOrganisationSchema } from '../../services/organisations';
import { defineEndpoint } from '../define';

export const OrganisationSchema = z
	.object({
		id: z.number().int(),
		code: z.string(),
		name: z.string(),
		kind: z.enum(organisationKinds),
		regionCode: z.string().nullable(),
		settings: z.object({
			deckOrganisation: z.string().optional(),
			mailFrom: z.string().optional(),
			locale: z.enum(['da', 'en']).optional()
		})
	})
	.meta({ id: 'Organisation' });

const OrganisationRowSchema = OrganisationSchema.extend({
	archived: z.boolean(),
	members: z.number().int(),
	admins: z.number().int()
}).meta({ id: 'OrganisationRow' });

const AddedMemberSchema = z.object({
	email: z.email(),
	invitationPath: z.string().optional()
});

export const listOrganisations = defineEndpoint({
	routeId: '/api/v1/organisations',
	method: 'GET',
	operationId: 'listOrganisations',
	summary: 'The installation’s organisations with their members and admins (platform admins).',
	tag: 'organisations',
	response: z.object({ organisations: z.array(OrganisationRowSchema) })
});

export const createOrganisation = defineEndpoint({
	routeId: '/api/v1/organisations',
	method: 'POST',
	operationId: 'createOrganisation',
	summary:
		'Creates an organisation with its first admin: an existing account gets a membership, a new e-mail an account and an invitation link (shown once).',
	tag: 'organisations',
	body: CreateOrganisationSchema,
	response: z.object({ organisation: OrganisationSchema, admin: AddedMemberSchema }),
	successStatus: 201
});

export const updateOrganisation = defineEndpoint({
	routeId: '/api/v1/organisations/[code]',
	method: 'PATCH',
	operationId: 'updateOrganisation',
	summary:
		'Renames an organisation, changes its settings, or archives it (its data kept, its users locked out) or opens it again.',
	tag: 'organisations',
	params: z.object({ code: z.string().max(40) }),
	body: UpdateOrganisationSchema,
	response: z.object({ organisation: OrganisationSchema })
});

export const addOrganisationMember = defineEndpoint({
	routeId: '/api/v1/organisations/[code]/members',
	method: 'POST',
	operationId: 'addOrganisationMember',
	summary: 'Adds a member with a role to an organisation.',
	tag: 'organisations',
	params: z.object({ code: z.string().max(40) }),
	body: z.object({
		email: z.email(),
		name: z.string(),
		role: z.enum(['admin', 'analyst', 'viewer'])
	}),
	response: AddedMemberSchema,
	successStatus: 201
});
