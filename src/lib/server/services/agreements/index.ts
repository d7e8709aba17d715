/** The agreements area's services: the only way other areas, routes and the CLI reach them. */
export * from './agreements';
export * from './dashboards';
export * from './documents';
export * from './draft';
export * from './export';
export * from './follow-up';
export * from './form';
export * from './kpis';
export * from './options';
