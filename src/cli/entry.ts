import { setFlagsFromString } from 'node:v8';
import { main } from './main';

// A command is a short process. V8 compiles WebAssembly (HarfBuzz, for the font subset) with
// its baseline compiler, then recompiles the hot parts with the optimizing one in the
// background, and Node waits for that second compile before the process may exit: about
// 250 ms of every `export` here, for code that has already run. The baseline code is enough
// for one subset (docs/performance.md).
setFlagsFromString('--liftoff-only');

await main();
