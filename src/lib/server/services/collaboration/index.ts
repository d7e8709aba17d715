/** The collaboration area's services: the only way other areas, routes and the CLI reach them. */
export * from './export';
export * from './models';
export * from './portfolio';
export * from './recommendations';
