import { parseArgs } from 'node:util';
import { type FuzzCase, runCase, sampleCases } from './cases';
import { python, unparsablePython } from './pythonSyntax';

/**
 * `npm run fuzz -- [--cases N] [--seed S] [--no-python]`: the unit suite's fuzz run, longer.
 * Prints the cases run, the failures (each with the case that reproduces it) and peak memory.
 */
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '25000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    'no-python': { type: 'boolean', default: false },
  },
});
const count = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(seed)) {
  console.error('fuzz: --cases takes a whole number ≥ 1 and --seed a whole number');
  process.exit(2);
}

const checkPython = python !== null && !values['no-python'];
const started = performance.now();
let peakRss = 0;
let peakHeap = 0;
const failures: { failure: string; c: FuzzCase | undefined }[] = [];
let pending: { name: string; source: string }[] = [];
const caseOfFile = new Map<string, FuzzCase>();
let pythonFiles = 0;

const flushPython = () => {
  pythonFiles += pending.length;
  for (const bad of unparsablePython(pending)) {
    failures.push({ failure: `python: ${bad}`, c: caseOfFile.get(bad.slice(0, bad.indexOf(': '))) });
  }
  pending = [];
  caseOfFile.clear();
};

const batch = 1000;
for (let done = 0; done < count; done += batch) {
  // Each batch is sampled from its own seed so a long run needs no memory for all cases at once.
  for (const [i, c] of sampleCases(Math.min(batch, count - done), seed + done).entries()) {
    const result = runCase(c);
    if (result.failure) failures.push({ failure: result.failure, c });
    if (!checkPython) continue;
    for (const file of result.python) {
      const name = `case ${done + i} ${file.name}`;
      pending.push({ name, source: file.source });
      caseOfFile.set(name, c);
    }
  }
  if (checkPython) flushPython();
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  peakHeap = Math.max(peakHeap, memory.heapUsed);
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
console.log(`fuzz: seed ${seed}, ${count} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(
  `  generated Python files parsed: ${checkPython ? pythonFiles : 'skipped (no /usr/bin/python3 or --no-python)'}`,
);
console.log(`  failures: ${failures.length}`);
console.log(`  peak memory: ${mb(peakRss)} resident, ${mb(peakHeap)} JS heap (sampled after each batch of ${batch})`);
for (const { failure, c } of failures.slice(0, 20))
  console.log(`  - ${failure}\n    case: ${JSON.stringify(c).slice(0, 400)}`);
process.exit(failures.length > 0 ? 1 : 0);
