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
export * from './model/captions';
export * from './model/ids';
export * from './layout/text';
export * from './layout/metrics';
export * from './layout/layout';
export * from './layout/blocks';
export * from './export/svg';
export * from './export/subset';
export * from './export/pipeline';
export * from './export/markdown';
export { escapeText, escapeAttr } from './export/xml';
export * from './commands/index';
export * from './model/presets';
