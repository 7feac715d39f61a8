import { benchAnalysis } from './analysis';
import { machineLine } from './machine';

/** `npm run bench`: figures, not pass/fail; compare only runs on the same machine. */
console.log(`# Netwright benchmarks\nmachine: ${machineLine()}`);
await benchAnalysis();
