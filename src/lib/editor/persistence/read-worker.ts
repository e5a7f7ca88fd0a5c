/// <reference lib="webworker" />
import { readDocumentBytes } from '$lib/core/index';

/**
 * Reads a file's bytes off the main thread: a large or hostile file (a 10 MB SVG, deep
 * JSON) never freezes the editor while it is decoded, parsed and checked.
 */
self.onmessage = (e: MessageEvent<{ bytes: Uint8Array }>) => {
  self.postMessage(readDocumentBytes(e.data.bytes));
};
