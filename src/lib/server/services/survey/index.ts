/** The survey area's services: the only way other areas, routes and the CLI reach them. */
export * from './context';
export * from './import';
export * from './respond';
export * from './rounds';
