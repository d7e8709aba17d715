/** Goals, KPIs and the agreement form's options as pages, the API and the CLI show them. */
import type { Frequency, KpiAssessment, Measurement } from './kpi';

export interface KpiView {
	id: number;
	name: string;
	unit: string;
	baseline: number;
	target: number;
	dueOn: string;
	frequency: Frequency;
	source: string;
	automatic: boolean;
	measurements: (Measurement & { id: number | null })[];
	assessment: KpiAssessment;
	/** The status rule's explanation, in the user's language. */
	reason: string;
	nextDue: string | null;
}

export interface GoalView {
	id: number;
	title: string;
	description: string | null;
	kpis: KpiView[];
}

export interface AgreementOptions {
	region: { code: string; name: string };
	clusters: { slug: string; name: string }[];
	models: { code: string; name: string }[];
	actors: { slug: string; name: string }[];
	municipalities: { code: string; name: string }[];
	efforts: { code: string; title: string }[];
	users: { id: string; label: string }[];
	checklist: { code: string; label: string }[];
}
