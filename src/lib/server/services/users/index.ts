/** The users area's services: the only way other areas, routes and the CLI reach them. */
export * from './api-tokens';
export * from './sessions';
export * from './users';
