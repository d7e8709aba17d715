export * from './audit';
export * from './auth';
export * from './landscape';
export * from './reference';
export * from './survey';
export * from './strategy';
export * from './agreements';
export * from './meetings';
