/** The companies area's services: the only way other areas, routes and the CLI reach them. */
export * from './export';
export * from './import';
export * from './page';
export * from './review';
export * from './stats';
