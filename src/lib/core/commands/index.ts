export * from './commands';
export * from './history';
export * from './ids';
export * from './redundancy';
