/** The meetings area's services: the only way other areas, routes and the CLI reach them. */
export * from './deck';
export * from './form';
export * from './json';
export * from './meetings';
export * from './read';
export * from './snapshot';
