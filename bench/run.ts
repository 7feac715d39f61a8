import { benchAnalysis } from './analysis';
import { benchCli } from './cli';
import { benchEditor } from './editor';
import { benchFeatures } from './features';
import { machineLine } from './machine';
import { benchTraining } from './training';
import { benchWasmKernels } from './wasmKernels';

/** `npm run bench [-- analysis|cli|editor|training|wasm|features]`: figures, not pass/fail; compare only runs on the same machine. */
console.log(`# Netwright benchmarks\nmachine: ${machineLine()}`);
const only = process.argv[2];
if (!only || only === 'analysis') await benchAnalysis();
if (!only || only === 'cli') await benchCli();
if (!only || only === 'editor') await benchEditor();
if (!only || only === 'wasm') await benchWasmKernels();
if (!only || only === 'training') await benchTraining();
if (!only || only === 'features') await benchFeatures();
