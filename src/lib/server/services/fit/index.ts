/** The fit area's services: the only way other areas, routes and the CLI reach them. */
export * from './export';
export * from './fit';
export * from './inputs';
export * from './matrix';
