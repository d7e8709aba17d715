/** The findings area's services: the only way other areas, routes and the CLI reach them. */
export * from './findings';
export * from './headlines';
export * from './interviews';
export * from './maps';
export * from './page';
export * from './report';
