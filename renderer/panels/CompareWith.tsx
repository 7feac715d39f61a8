import { useState } from 'react';
import type { Graph } from '../../shared/graph/types';
import { templates } from '../../shared/templates';
import { getFiles } from '../api/transport';
import { parseDocument } from '../files/documentFiles';
import { useSavingsStore } from '../store/savingsStore';
import { useUiStore } from '../store/uiStore';
import { useCompareStore } from './compareStore';

const networks = templates.filter((t) => t.category === 'network');

/** Compare the open network with any other: a template (say its unfactorized ancestor) or a file. */
export function CompareWith() {
  const [choice, setChoice] = useState(networks[0]?.id ?? '');
  const setOther = useCompareStore((s) => s.setOther);
  const setCompareOpen = useSavingsStore((s) => s.setCompareOpen);
  const notify = useUiStore((s) => s.notify);
  const show = (other: { name: string; graph: Graph }) => {
    setOther(other);
    setCompareOpen(true);
  };
  const fromTemplate = () => {
    const t = networks.find((n) => n.id === choice);
    if (t) show({ name: t.label, graph: t.build() });
  };
  const fromFile = async () => {
    try {
      const file = await getFiles().open('open');
      if (!file) return;
      const parsed = parseDocument(file);
      if (!parsed.ok) return notify(parsed.error, 'error');
      show({ name: parsed.name, graph: parsed.graph });
    } catch (err) {
      notify(`Could not open the file: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };
  return (
    <section aria-label="Compare with another network">
      <h3>Compare with another network</h3>
      <div className="field">
        <label htmlFor="compare-template">Template</label>
        <select id="compare-template" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {networks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row wrap">
        <button type="button" onClick={fromTemplate}>
          Compare with template
        </button>
        <button type="button" onClick={() => void fromFile()}>
          Compare with file…
        </button>
      </div>
    </section>
  );
}
