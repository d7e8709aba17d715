/**
 * Collaboration models: the ways a region and a cluster can work together. The catalogue is
 * seeded from `data/catalogue/collaboration-models.json` and editable; the recommender reads it.
 */
import { z } from 'zod';
import { maturityStages } from '../landscape/types';

/** The source document's seven points to align on before an agreement (taxonomy codes). */
export const checklistCodes = [
	'respect-core-narrative',
	'concrete-agreement',
	'proximity',
	'concrete-projects',
	'role-clarity',
	'cross-municipal',
	'goals-kpis'
] as const;
export type ChecklistCode = (typeof checklistCodes)[number];

export const contributionKinds = ['money', 'premises', 'staff', 'access'] as const;
export type ContributionKind = (typeof contributionKinds)[number];

export const stages = maturityStages;

/** Whether a model needs the cluster present in the region. */
export const presenceFits = ['any', 'present', 'absent'] as const;

const line = z.string().trim().min(1).max(300);
const paragraph = z.string().trim().min(1).max(3000);

export const ModelTextsSchema = z.object({
	name: line,
	purpose: paragraph,
	regionContributes: paragraph,
	clusterCommits: paragraph,
	kpis: z.array(line).min(1).max(12),
	risks: paragraph
});
export type ModelTexts = z.infer<typeof ModelTextsSchema>;

export const ModelSchema = z.object({
	code: z
		.string()
		.trim()
		.regex(/^[a-z0-9-]{2,60}$/),
	texts: z.object({ da: ModelTextsSchema, en: ModelTextsSchema }),
	contributions: z.array(z.enum(contributionKinds)).max(4),
	typicalMonths: z.number().int().min(1).max(120).nullable(),
	suitsStages: z.array(z.enum(stages)).min(1).max(3),
	suitsPresence: z.enum(presenceFits),
	checklist: z.array(z.enum(checklistCodes)).max(7)
});
export type CollaborationModel = z.infer<typeof ModelSchema>;

export const CatalogueFileSchema = z.object({
	format: z.literal('klyngeradar/collaboration-models@1'),
	models: z.array(ModelSchema).min(1)
});
