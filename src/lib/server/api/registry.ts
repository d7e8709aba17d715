import type { EndpointSpec } from './define';
import * as admin from './specs/admin';
import * as agreements from './specs/agreements';
import * as meetings from './specs/meetings';
import * as national from './specs/national';
import * as organisations from './specs/organisations';
import * as companies from './specs/companies';
import * as landscape from './specs/landscape';
import * as strategy from './specs/strategy';
import * as survey from './specs/survey';
import * as system from './specs/system';

function specsOf(module: Record<string, unknown>): EndpointSpec[] {
	return Object.values(module).filter(
		(value): value is EndpointSpec =>
			typeof value === 'object' && value !== null && 'operationId' in value && 'routeId' in value
	);
}

/** Every API endpoint. A test checks this list against the `+server.ts` files under /api/v1. */
export const endpoints: EndpointSpec[] = [
	...specsOf(system),
	...specsOf(admin),
	...specsOf(organisations),
	...specsOf(landscape),
	...specsOf(survey),
	...specsOf(strategy),
	...specsOf(agreements),
	...specsOf(meetings),
	...specsOf(national),
	...specsOf(companies)
];
