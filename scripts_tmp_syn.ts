import { analyzeGraph } from '../work/main/shared/analysis/index';
import { syntheticGraph } from '../work/main/test/unit/analysis/synthetic';
for (const n of [1, 2, 5, 8, 30, 1000, 10000]) {
  const g = syntheticGraph(n);
  const a = analyzeGraph(g);
  console.log(n, g.nodes.length, a.diagnostics.length, a.diagnostics.slice(0, 3), a.outputs.length, a.totals.params, a.totals.macs);
}
