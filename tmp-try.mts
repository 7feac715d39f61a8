import { readFileSync, readdirSync } from 'node:fs';
import { importKerasJson } from './shared/import/index.ts';
import { analyzeGraph } from './shared/analysis/index.ts';
const dir = 'test/fixtures/keras/';
for (const f of [...readdirSync(dir).filter(f => f.endsWith('.json')), ...readdirSync(dir + 'bad').map(f => 'bad/' + f)]) {
  const r = importKerasJson(readFileSync(dir + f, 'utf8'));
  if (!r.ok) { console.log(f, 'ERROR:', r.error); continue; }
  const a = analyzeGraph(r.graph);
  console.log(f, r.format, r.name, r.graph.nodes.length, JSON.stringify(a.totals), r.warnings.map(w => w.severity + ': ' + w.message));
  for (const d of a.diagnostics.filter(d => d.severity !== 'info').slice(0, 4)) console.log('   diag', d.severity, d.message);
}
const r = importKerasJson(readFileSync(dir + 'bad/unknown_input_size.json', 'utf8'), { inputShape: [224, 224, 3] });
if (r.ok) console.log('override', JSON.stringify(analyzeGraph(r.graph).totals));
