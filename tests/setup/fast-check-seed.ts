/**
 * Property tests draw from one fixed seed in `npm test`, so a run on CI repeats exactly what
 * ran here and a failure can be replayed. `npm run fuzz` (FC_SEED=random) explores new seeds
 * and longer runs; a failure it finds prints its seed, and FC_SEED=<that number> replays it.
 */
import fc from 'fast-check';

const wanted = process.env.FC_SEED;
if (wanted !== 'random') {
  const seed = wanted === undefined || wanted === '' ? 20261201 : Number(wanted);
  if (!Number.isInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random", not ${wanted}`);
  fc.configureGlobal({ seed });
}
