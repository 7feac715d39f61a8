import { analysisCases } from './analysisCases';

/** One process's analysis figures as JSON, for bench/analysis.ts to gather from several processes. */
console.log(JSON.stringify(await analysisCases()));
