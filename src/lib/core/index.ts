/**
 * stackdraw's core: plain data and pure functions, shared by the editor and the CLI.
 * No Svelte, no DOM, no globals.
 */
export * from './model/types';
export * from './model/kinds';
export * from './model/catalog';
export * from './model/read';
export * from './model/read-messages';
export { locateJsonPath } from './model/json-locate';
export * from './model/decode';
export * from './rules/types';
export { validate, allowedHost, mayRunOn } from './rules/validate';
export { RULES, RULE_IDS, namedNodes, type RuleRecord } from './rules/rules';
export { markers, type Markers, type NodeMarks } from './rules/markers';
export { buildGraph, type StackGraph } from './rules/graph';
export {
  CATALOGS,
  renderFinding,
  renderDiagnostic,
  nodeName,
  expectationName,
  wordsFor
} from './rules/messages/render';
export type { MessageCatalog, RenderedMessage, Words } from './rules/messages/catalog';
export { josa } from './i18n/josa';
export * from './i18n/lang';
export * from './rules/summary';
export * from './model/captions';
export * from './model/ids';
export * from './model/label';
export * from './layout/text';
export * from './layout/metrics';
export * from './layout/layout';
export * from './layout/blocks';
export * from './layout/clusters';
export * from './export/svg';
export * from './export/subset';
export * from './export/pipeline';
export * from './export/markdown';
export { escapeText, escapeAttr } from './export/xml';
export * from './commands/index';
export * from './model/presets';
export * from './analysis/failure';
export * from './analysis/report';
export * from './analysis/overlay';
export { Topology } from './analysis/topology';
export { clusterName } from './rules/redundancy';
export { formatGiB } from './rules/messages/render';
export * from './export/png';
// The stack language (parseStack, printStack …) is imported from './text/index' itself, not
// from here: the editor loads it only with its Text panel, and a re-export from this index
// would put it in the chunk the editor's page loads at once.
export { coveredSegments, type Segment } from './layout/overlap';
