/** The platform area's services: the only way other areas, routes and the CLI reach them. */
export * from './backup';
export * from './bootstrap';
export * from './demo';
export * from './reference-seed';
export * from './system';
