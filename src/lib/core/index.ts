/**
 * stackdraw's core: plain data and pure functions, shared by the editor and the CLI.
 * No Svelte, no DOM, no globals.
 */
export * from './model/types';
export * from './model/kinds';
export * from './model/catalog';
export * from './model/read';
export * from './rules/types';
export { validate, allowedHost } from './rules/validate';
export { renderFinding, nodeName, expectationName } from './rules/messages';
export { josa } from './i18n/josa';
export * from './rules/summary';
