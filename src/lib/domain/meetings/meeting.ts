/**
 * A meeting as users enter it. The agenda, the questions and the outcomes are lists; every item
 * is checked on its own so a message can name the line.
 */
import { z } from 'zod';
import { IsoDateSchema } from '../agreements/dates';
import { audiences } from './slides';

const line = z.string().trim().min(3).max(300);

export const MeetingInputSchema = z.object({
	title: z.string().trim().min(3).max(200),
	audience: z.enum(audiences),
	heldOn: IsoDateSchema,
	locale: z.enum(['da', 'en']).default('da'),
	roundId: z.number().int().positive().nullable().default(null),
	purpose: z.string().trim().max(2000).default(''),
	agenda: z.array(line).max(15).default([])
});
export type MeetingInput = z.infer<typeof MeetingInputSchema>;

/** What can change after creation: the round and language belong to the snapshot. */
export const MeetingEditSchema = MeetingInputSchema.pick({
	title: true,
	audience: true,
	heldOn: true,
	purpose: true,
	agenda: true
}).extend({ version: z.number().int().min(1) });

export const QuestionsInputSchema = z.object({
	questions: z.array(z.string().trim().min(5).max(500)).max(20)
});

export const outcomeKinds = ['decision', 'follow-up'] as const;

export const OutcomeInputSchema = z.object({
	kind: z.enum(outcomeKinds),
	text: z.string().trim().min(3).max(2000),
	responsibleUserId: z.uuid().nullable().default(null),
	dueOn: IsoDateSchema.nullable().default(null),
	agreementId: z.number().int().positive().nullable().default(null)
});
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;
