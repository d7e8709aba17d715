/**
 * Organisations that share one installation: a regional business-promotion body (one region's
 * work), the national level, or a cluster's own organisation (its portal).
 */
import { z } from 'zod';

export const organisationKinds = ['regional', 'national', 'cluster'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** An organisation's own settings; unset ones fall back to the installation's. */
export const OrganisationSettingsSchema = z.object({
	/** The name on every slide of its decks. */
	deckOrganisation: z.string().trim().min(1).max(120).optional(),
	/** The sender of its survey invitations and reminders. */
	mailFrom: z.email().optional(),
	locale: z.enum(['da', 'en']).optional()
});
export type OrganisationSettings = z.infer<typeof OrganisationSettingsSchema>;

/** The organisation a request, a CLI command or a scheduled job acts in. */
export interface OrganisationRef {
	id: number;
	code: string;
	name: string;
	kind: OrganisationKind;
	/** The region a regional body works for; null for the national level and clusters. */
	regionCode: string | null;
	settings: OrganisationSettings;
}
