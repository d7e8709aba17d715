/**
 * Areas where a new national cluster is likely: the landscape has no active cluster in the area,
 * but a cluster there closed, or an organisation applied to become the area's national cluster
 * in the next programme. The source document makes this remark about transport, logistics and
 * maritime technologies; the rule finds it from the data instead of hard-coding it.
 */
import { areaKey, areaLabel } from './area';

export interface AreaCluster {
	name: string;
	area: string;
	status: 'active' | 'closed';
	closedYear: number | null;
}

/** An entry of the next programme's list (reference data): a granted cluster or an applicant. */
export interface NextProgrammeEntry {
	officialName: string;
	area: string;
	status: string;
	source?: string;
}

export interface LikelyNewArea {
	area: string;
	closed: { name: string; year: number | null }[];
	applicants: { name: string; status: string; source: string | null }[];
}

export function likelyNewAreas(
	clusters: AreaCluster[],
	next: NextProgrammeEntry[]
): LikelyNewArea[] {
	const covered = new Set(
		clusters.filter((c) => c.status === 'active').map((c) => areaKey(c.area))
	);
	const known = new Set(clusters.map((c) => c.name.toLowerCase()));
	const found = new Map<string, LikelyNewArea>();
	const entry = (area: string) => {
		const key = areaKey(area);
		const existing = found.get(key) ?? { area: areaLabel(area), closed: [], applicants: [] };
		found.set(key, existing);
		return existing;
	};
	for (const c of clusters) {
		if (c.status === 'closed' && !covered.has(areaKey(c.area)))
			entry(c.area).closed.push({ name: c.name, year: c.closedYear });
	}
	for (const n of next) {
		// Entries naming a known cluster are that cluster's renewal, not a new area.
		if (known.has(n.officialName.toLowerCase()) || covered.has(areaKey(n.area))) continue;
		entry(n.area).applicants.push({
			name: n.officialName,
			status: n.status,
			source: n.source ?? null
		});
	}
	return [...found.values()];
}
