import { describe, expect, it } from 'vitest';
import { FlowModel, type LayerFlowNode, spokenName } from '../../../renderer/canvas/flowModel';
import { diagramSvg } from '../../../renderer/export/diagramSvg';
import { defaultWidthText, whyNothing } from '../../../renderer/panels/whyNothing';
import { backendChoices } from '../../../renderer/training/backendChoices';
import type { GpuBackendCheck } from '../../../renderer/training/gpu/availability';
import { analyzeGraph } from '../../../shared/analysis';
import type { BackendReport } from '../../../shared/api';
import { GraphBuilder } from '../../../shared/graph/builder';
import { translator } from '../../../shared/i18n';

/** A 5×5 convolution on one channel: two 3×3 at its 64 output channels would cost far more. */
function widening() {
  const b = new GraphBuilder();
  const x = b.add('Input', { shape: [32, 32, 1] }, [], 'input');
  b.add('Conv2D', { filters: 64, kernelSize: [5, 5], padding: 'same' }, [x], 'wide');
  return b.build();
}

const wasmChosen: BackendReport = {
  name: 'wasm',
  reason: 'WebAssembly (SIMD)',
  attempts: [{ name: 'wasm', ok: true, reason: 'WebAssembly (SIMD)' }],
};

describe('the panels in German', () => {
  it('names the training backends and says why one was not tried, in German', () => {
    const gpu: GpuBackendCheck[] = [];
    const de = backendChoices(wasmChosen, gpu, 'de');
    expect(de.find((c) => c.value === 'tensorflow')!.label).toBe('TensorFlow CPU (nativ)');
    expect(de.find((c) => c.value === 'cpu')!.reason).toBe(
      'beim Start nicht versucht (wasm wurde zuerst gewählt); ein Lauf versucht es.',
    );
    expect(de.find((c) => c.value === 'webgl')!.reason).toBe('WebGL: noch nicht geprüft.');
    // English stays as it was.
    expect(backendChoices(wasmChosen, gpu).find((c) => c.value === 'cpu')!.reason).toBe(
      'not tried at start (wasm was chosen first); a run tries it.',
    );
  });

  it('shows a GPU check in the language asked for, keeping the English reason', () => {
    const check: GpuBackendCheck = {
      name: 'webgl',
      ok: false,
      reason: 'WebGL: no WebGL2 context (the GPU is blocked or absent).',
      describe: (language) => translator('ui', language).t('panels.backends.noWebgl2'),
    };
    const [webgl] = backendChoices(wasmChosen, [check], 'de').filter((c) => c.value === 'webgl');
    expect(webgl!.reason).toBe('WebGL: kein WebGL2-Kontext (die GPU ist gesperrt oder fehlt).');
    expect(check.describe!('en')).toBe(check.reason);
  });

  it('says why “All stack” changed nothing in German, with German numbers', () => {
    const graph = widening();
    const analysis = analyzeGraph(graph);
    const why = whyNothing(graph, 'stack', analysis, undefined, 'de');
    expect(why?.message).toMatch(/^Nichts zu faktorisieren: .* wäre teurer \([\d.]+ MACs statt [\d.]+\)/);
    expect(why?.message).toContain(`der Standard-Zwischenbreite, ${defaultWidthText('stack', 'de')}`);
    expect(why?.message).toMatch(/Eine Zwischenbreite von \d+ oder weniger spart\.$/);
    expect(why?.message).toMatch(/\d\.\d{3}/);
    const english = whyNothing(graph, 'stack', analysis);
    expect(english?.message).toMatch(/^Nothing to factorize: .* would cost more \([\d,]+ MACs instead of [\d,]+\)/);
    expect(english?.width).toBe(why?.width);
  });

  it('labels canvas nodes, their screen-reader names and the exported diagram in German', () => {
    const graph = widening();
    const analysis = analyzeGraph(graph);
    const nodes = new FlowModel().nodes(graph, analysis, new Set(), [], 'de');
    const wide = nodes.find((n) => n.type === 'layer' && n.data.layer.name === 'wide') as LayerFlowNode;
    expect(wide.data.info.params).toBe('1.664 Parameter');
    expect(wide.ariaLabel).toContain('Conv2D-Schicht wide');
    expect(spokenName(wide.data.layer, wide.data.info, 'de')).toContain('Ausgabe 32×32×64');
    expect(diagramSvg(nodes, [], 'de')).toContain('1.664 Parameter');
    const english = new FlowModel().nodes(graph, analysis, new Set(), []);
    expect((english.find((n) => n.id === wide.id) as LayerFlowNode).data.info.params).toBe('1,664 params');
  });
});
