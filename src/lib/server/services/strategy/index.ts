/** The strategy area's services: the only way other areas, routes and the CLI reach them. */
export * from './read';
export * from './seed';
export * from './strategy';
export * from './text';
