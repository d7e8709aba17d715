import { z } from 'zod';
import { defineEndpoint } from '../define';

const Meeting = z.object({
	id: z.number().int(),
	title: z.string(),
	audience: z.enum(['board', 'management']),
	heldOn: z.string(),
	region: z.object({ code: z.string(), name: z.string() }),
	round: z.object({ id: z.number().int(), title: z.string().nullable() }).nullable(),
	strategyVersion: z.number().int().nullable(),
	locale: z.enum(['da', 'en']),
	isDemo: z.boolean()
});

export const listMeetings = defineEndpoint({
	routeId: '/api/v1/meetings',
	method: 'GET',
	operationId: 'listMeetings',
	summary: 'Presentation and dialogue meetings, newest first (filter by region).',
	tag: 'meetings',
	query: z.object({
		region: z
			.string()
			.regex(/^108[1-5]$/)
			.optional()
	}),
	response: z.object({ meetings: z.array(Meeting) })
});

export const getMeeting = defineEndpoint({
	routeId: '/api/v1/meetings/[id]',
	method: 'GET',
	operationId: 'getMeeting',
	summary:
		'One meeting with its agenda, dialogue questions, decisions and follow-ups, and the slide outline of its deck.',
	tag: 'meetings',
	params: z.object({ id: z.coerce.number().int().min(1) }),
	response: Meeting.extend({
		purpose: z.string(),
		agenda: z.array(z.string()),
		snapshotTakenAt: z.string(),
		questions: z.array(z.string()),
		outcomes: z.array(
			z.object({
				kind: z.enum(['decision', 'follow-up']),
				text: z.string(),
				dueOn: z.string().nullable(),
				done: z.boolean(),
				agreementId: z.number().int().nullable()
			})
		),
		slides: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string() }))
	})
});

export const getMeetingDeck = defineEndpoint({
	routeId: '/api/v1/meetings/[id]/deck/[format]',
	path: '/api/v1/meetings/{id}/deck.{format}',
	method: 'GET',
	operationId: 'getMeetingDeck',
	summary:
		'The meeting’s deck from its snapshot: deck.pptx (PowerPoint with native charts) or deck.pdf (needs LibreOffice on the server; 503 otherwise).',
	tag: 'meetings',
	params: z.object({ id: z.coerce.number().int().min(1), format: z.enum(['pptx', 'pdf']) }),
	produces: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	response: z.string().describe('The file')
});
