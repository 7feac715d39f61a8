import { useEffect, useMemo, useState } from 'react';
import { errorText } from '../../shared/api';
import {
  compareGraphs,
  comparisonHeadline,
  signedInt,
  signedPct,
  toCsv,
  toJson,
  toMarkdown,
  toSvgChart,
} from '../../shared/transforms';
import { getApi, getFiles } from '../api/transport';
import { svgToPng } from '../export/svgToPng';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import { useSavingsStore } from '../store/savingsStore';
import { useUiStore } from '../store/uiStore';
import { useCompareStore } from './compareStore';
import { ModalDialog } from './ModalDialog';

/** Original and factorized network side by side: totals, per-module table, chart, exports for slides. */
export function CompareView() {
  const { t, int, language } = useText();
  const open = useSavingsStore((s) => s.compareOpen);
  const rewritten = useSavingsStore((s) => s.original);
  const other = useCompareStore((s) => s.other);
  const setOther = useCompareStore((s) => s.setOther);
  const setCompareOpen = useSavingsStore((s) => s.setCompareOpen);
  const setOpen = (open: boolean) => {
    setCompareOpen(open);
    if (!open) setOther(null);
  };
  // A network picked to compare with wins over the one before this session's rewrites.
  const original = other ?? rewritten;
  const graph = useDocumentStore((s) => s.graph);
  const name = useDocumentStore((s) => s.name);
  const notify = useUiStore((s) => s.notify);
  // Against its own state before the rewrites, both sides carry the network's name: say which is which.
  const sides = other
    ? { a: other.name, b: name, title: undefined }
    : { a: t('panels.compare.original'), b: t('panels.compare.factorized'), title: name };
  const comparison = useMemo(
    () => (open && original ? compareGraphs({ name: sides.a, graph: original.graph }, { name: sides.b, graph }) : null),
    [open, original, graph, sides.a, sides.b],
  );
  const title = sides.title ? t('panels.compare.title', { name: sides.title }) : undefined;
  const svg = useMemo(
    () => (comparison ? toSvgChart(comparison, title ? { title, language } : { language }) : ''),
    [comparison, title, language],
  );
  // PDF needs LibreOffice beside the services; its button shows only where they have it.
  const [slideFormats, setSlideFormats] = useState<readonly ('pptx' | 'pdf')[]>(['pptx']);
  const [slidesBusy, setSlidesBusy] = useState(false);
  const shown = comparison !== null;
  useEffect(() => {
    if (!shown) return;
    let live = true;
    getApi()
      .invoke('slideFormats', {})
      .then((r) => live && setSlideFormats(r.formats))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [shown]);
  if (!comparison || !original) return null;

  const saveSlides = async (format: 'pptx' | 'pdf') => {
    setSlidesBusy(true);
    try {
      const result = await getApi().invoke('compareSlides', {
        a: { name: sides.a, graph: original.graph },
        b: { name: sides.b, graph },
        ...(title ? { title } : {}),
        format,
        language,
      });
      const bytes = Uint8Array.from(atob(result.base64), (c) => c.charCodeAt(0));
      const type =
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
      await getFiles().exportFile(`${name}-comparison.${format}`, format, new Blob([bytes], { type }));
    } catch (err) {
      notify(t('panels.compare.slidesFailed', { reason: errorText(err, language) }), 'error');
    } finally {
      setSlidesBusy(false);
    }
  };

  // The Markdown report is for people, in the window's language; CSV and JSON are data.
  const reportText = (ext: 'md' | 'csv' | 'json' | 'svg') =>
    ext === 'md'
      ? toMarkdown(comparison, language)
      : ext === 'csv'
        ? toCsv(comparison)
        : ext === 'json'
          ? toJson(comparison)
          : svg;
  const save = async (ext: 'md' | 'csv' | 'json' | 'svg' | 'png') => {
    try {
      const blob = ext === 'png' ? await svgToPng(svg) : new Blob([reportText(ext)], { type: 'text/plain' });
      await getFiles().exportFile(`${name}-comparison.${ext}`, ext, blob);
    } catch (err) {
      notify(t('panels.compare.exportFailed', { reason: errorText(err, language) }), 'error');
    }
  };
  const { a, b, difference: d } = comparison;
  return (
    <ModalDialog label={t('panels.compare.dialog')} onClose={() => setOpen(false)}>
      <div className="sheet compare">
        <h2>{title ?? t('panels.compare.heading')}</h2>
        <p className="compare-headline" data-testid="compare-headline">
          {comparisonHeadline(comparison, language)}
        </p>
        <table className="compare-table">
          <thead>
            <tr>
              <th />
              <th>{a.name}</th>
              <th>{b.name}</th>
              <th>{t('panels.compare.difference')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>{t('panels.compare.parameters')}</th>
              <td>{int(a.totals.params)}</td>
              <td>{int(b.totals.params)}</td>
              <td data-testid="compare-params-diff">
                {signedInt(d.params)} ({signedPct(d.paramsPct)})
              </td>
            </tr>
            <tr>
              <th>MACs</th>
              <td>{int(a.totals.macs)}</td>
              <td>{int(b.totals.macs)}</td>
              <td data-testid="compare-macs-diff">
                {signedInt(d.macs)} ({signedPct(d.macsPct)})
              </td>
            </tr>
          </tbody>
        </table>
        <h3>{t(comparison.rowsBy === 'module' ? 'panels.compare.perModule' : 'panels.compare.perLayer')}</h3>
        <table className="compare-table">
          <thead>
            <tr>
              <th>{t(comparison.rowsBy === 'module' ? 'panels.compare.module' : 'panels.compare.layer')}</th>
              <th>{t('panels.compare.params')}</th>
              <th>→</th>
              <th>MACs</th>
              <th>→</th>
            </tr>
          </thead>
          <tbody>
            {comparison.modules.map((m) => (
              <tr key={m.module}>
                <th>{m.module}</th>
                <td>{m.a ? int(m.a.params) : '—'}</td>
                <td>{m.b ? int(m.b.params) : '—'}</td>
                <td>{m.a ? int(m.a.macs) : '—'}</td>
                <td>{m.b ? int(m.b.macs) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <img
          className="compare-chart"
          alt={t(comparison.rowsBy === 'module' ? 'panels.compare.chartAltModule' : 'panels.compare.chartAltLayer')}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
        />
        <div className="button-row wrap">
          {(['md', 'csv', 'json', 'svg', 'png'] as const).map((ext) => (
            <button key={ext} type="button" onClick={() => void save(ext)}>
              {t('panels.compare.export', { format: ext.toUpperCase() })}
            </button>
          ))}
          {slideFormats.map((format) => (
            <button key={format} type="button" disabled={slidesBusy} onClick={() => void saveSlides(format)}>
              {t('panels.compare.export', { format: format.toUpperCase() })}
            </button>
          ))}
          <button type="button" className="primary" onClick={() => setOpen(false)}>
            {t('panels.compare.close')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
