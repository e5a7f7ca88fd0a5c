/**
 * What the Text panel and a paste of stack text load when they are first used: the stack
 * language's reader with the panel's state. One module for both, so the bundler does not make
 * a chunk "shared by two lazy parts" that it would then fold into what the page loads at once.
 */
export { TextPane } from './pane.svelte';
export { readStackClip } from './paste';
