import { ensureBackend, tf } from '../electron/services/tfjs';
import { templates } from '../shared/templates';
import { compileGraph } from '../trainer/compile/compile';
import { describeLayers, layerActivations, maximiseChannel } from '../trainer/features';
import { median } from './machine';

/**
 * Feature views on the small Inception template, in this thread on the services' backend:
 * one layer's activation maps, and milliseconds per activation-maximisation step.
 */
export async function benchFeatures(): Promise<void> {
  const backend = await ensureBackend();
  const template = templates.find((t) => t.id === 'small-inception')!;
  const { model } = compileGraph(tf, template.build());
  const deepest = describeLayers(model)
    .filter((l) => l.spatial)
    .at(-1)!;
  const input = Float32Array.from({ length: 32 * 32 * 3 }, (_, i) => (i % 97) / 96);
  const mapsMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    layerActivations(tf, model, deepest.name, input);
    mapsMs.push(performance.now() - t0);
  }
  const steps = 20;
  await maximiseChannel(tf, model, { layer: deepest.name, channel: 0, steps: 2, seed: 1 }); // warm-up
  const t0 = performance.now();
  await maximiseChannel(tf, model, { layer: deepest.name, channel: 0, steps, seed: 1 });
  const stepMs = (performance.now() - t0) / steps;
  model.dispose();
  console.log(`\n## Feature views (small Inception, ${backend.name})`);
  console.log(
    `activation maps of ${deepest.name} (${deepest.outputShape.join('×')}): ${median(mapsMs.slice(2)).toFixed(1)} ms (median of 5)`,
  );
  console.log(`activation maximisation: ${stepMs.toFixed(1)} ms per step (${steps} steps, 32×32×3 input)`);
}
