import { useState } from 'react';
import type { Graph } from '../../shared/graph/types';
import { templates, templateText } from '../../shared/templates';
import { getFiles } from '../api/transport';
import { parseDocument } from '../files/documentFiles';
import { useText } from '../i18n/useText';
import { useSavingsStore } from '../store/savingsStore';
import { useUiStore } from '../store/uiStore';
import { useCompareStore } from './compareStore';

const networks = templates.filter((t) => t.category === 'network');

/** Compare the open network with any other: a template (say its unfactorized ancestor) or a file. */
export function CompareWith() {
  const { t, language } = useText();
  const [choice, setChoice] = useState(networks[0]?.id ?? '');
  const setOther = useCompareStore((s) => s.setOther);
  const setCompareOpen = useSavingsStore((s) => s.setCompareOpen);
  const notify = useUiStore((s) => s.notify);
  const show = (other: { name: string; graph: Graph }) => {
    setOther(other);
    setCompareOpen(true);
  };
  const fromTemplate = () => {
    const template = networks.find((n) => n.id === choice);
    if (template) show({ name: templateText(template, language).label, graph: template.build() });
  };
  const fromFile = async () => {
    try {
      const file = await getFiles().open('open');
      if (!file) return;
      const parsed = parseDocument(file);
      if (!parsed.ok) return notify(parsed.error, 'error');
      show({ name: parsed.name, graph: parsed.graph });
    } catch (err) {
      notify(t('panels.compareWith.openFailed', { reason: err instanceof Error ? err.message : String(err) }), 'error');
    }
  };
  return (
    <section aria-label={t('panels.compareWith.heading')}>
      <h3>{t('panels.compareWith.heading')}</h3>
      <div className="field wide">
        <label htmlFor="compare-template">{t('panels.compareWith.template')}</label>
        <select id="compare-template" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {networks.map((n) => (
            <option key={n.id} value={n.id}>
              {templateText(n, language).label}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row wrap">
        <button type="button" onClick={fromTemplate}>
          {t('panels.compareWith.withTemplate')}
        </button>
        <button type="button" onClick={() => void fromFile()}>
          {t('panels.compareWith.withFile')}
        </button>
      </div>
    </section>
  );
}
