export * from './commands';
export * from './history';
export * from './ids';
