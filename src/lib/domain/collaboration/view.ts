/** The collaboration models and decisions as pages, the API and the CLI show them. */
import type { CollaborationModel } from './catalogue';
import type { Decision } from './portfolio';

export interface ModelView extends CollaborationModel {
	origin: 'reference' | 'user';
	edited: boolean;
	version: number;
	updatedAt: string;
}

export interface DecisionView extends Decision {
	id: number;
	chosenModelName: string | null;
}
