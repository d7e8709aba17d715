/** The landscape area's services: the only way other areas, routes and the CLI reach them. */
export * from './data-sources';
export * from './edit';
export * from './landscape';
export * from './load';
export * from './map';
export * from './postal-codes';
export * from './programme';
export * from './reference';
