// The yardstick for `netwright analyze`'s start-up: a bare Node script that builds the
// same Keras model with TensorFlow.js and counts its parameters, run as its own process.
// Usage: node bench/tfjsCountParams.mjs MODEL_JSON
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';

const json = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const model = await tf.models.modelFromJSON({ modelTopology: json.modelTopology ?? json });
console.log(model.countParams());
