import { Chart, type ChartConfiguration, LogarithmicScale, ScatterController } from 'chart.js';
import { useMemo, useState } from 'react';
import { formatSI } from '../../shared/analysis';
import { errorText } from '../../shared/api';
import { type Translator, translator } from '../../shared/i18n';
import {
  buildTimeline,
  depthRadius,
  evaluationKey,
  ownPoint,
  type TimelinePoint,
  timelineNote,
  timelineSvg,
  type TimelineView as View,
} from '../../shared/insight';
import { getFiles } from '../api/transport';
import { svgToPng } from '../export/svgToPng';
import { useText } from '../i18n/useText';
import { ModalDialog } from '../panels/ModalDialog';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { useAnalysis } from '../store/useAnalysis';
import { palette, useChart } from '../training/charts';
import './insight.css';
import { useTimelineStore } from './timelineStore';

Chart.register(ScatterController, LogarithmicScale);

const HUMAN = '#c62828';

type Ui = Translator<'ui'>;

const titleKey = { year: 'panels.timeline.titleYear', cost: 'panels.timeline.titleCost' } as const;
const OWN = '#e8710a';

/**
 * The lecture's first argument: ImageNet top-5 error fell as networks went deeper. Error by
 * year (the human estimate as a line), or multiply-adds by depth, where the open network stands
 * beside the winners: it has no ImageNet error, so it is placed by its cost only.
 */
export function TimelineView() {
  const { t, int, decimal, language } = useText();
  // One object per language: the chart follows a language switch through it.
  const ui = translator('ui', language);
  const open = useTimelineStore((s) => s.open);
  const setOpen = useTimelineStore((s) => s.setOpen);
  const graph = useDocumentStore((s) => s.graph);
  const name = useDocumentStore((s) => s.name);
  const analysis = useAnalysis();
  const notify = useUiStore((s) => s.notify);
  const [view, setView] = useState<View>('year');
  const timeline = useMemo(
    () => (open ? buildTimeline(ownPoint(name, graph, analysis)) : null),
    [open, name, graph, analysis],
  );
  const canvas = useChart(() => chartConfig(timeline, view, ui), [timeline, view, ui]);
  if (!open || !timeline) return null;

  const save = async (ext: 'svg' | 'png') => {
    try {
      const svg = timelineSvg(timeline, view, language);
      const blob = ext === 'png' ? await svgToPng(svg) : new Blob([svg], { type: 'image/svg+xml' });
      await getFiles().exportFile(`imagenet-timeline-${view}.${ext}`, ext, blob);
    } catch (err) {
      notify(t('panels.timeline.exportFailed', { reason: errorText(err, language) }), 'error');
    }
  };
  const own = timeline.own;
  return (
    <ModalDialog label={t('panels.timeline.dialog')} onClose={() => setOpen(false)}>
      <div className="sheet timeline-sheet">
        <h2>{t(titleKey[view])}</h2>
        <div className="tabs" role="tablist" aria-label={t('panels.timeline.views')}>
          {(['year', 'cost'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)}>
              {v === 'year' ? t('panels.timeline.byYear') : t('panels.timeline.byCost')}
            </button>
          ))}
        </div>
        <figure className="chart" data-testid="timeline-chart" data-view={view}>
          <div className="chart-box">
            <canvas ref={canvas} aria-label={t(titleKey[view])} role="img" />
          </div>
          <figcaption>
            {view === 'year'
              ? t('panels.timeline.yearCaption', {
                  value: decimal(String(timeline.human.value)),
                  note: timelineNote(language, 'human', 'note', timeline.human.note),
                })
              : own
                ? t('panels.timeline.ownCaption', { name: own.name, depth: own.depth, macs: int(own.macs) })
                : t('panels.timeline.ownErrors')}
          </figcaption>
        </figure>
        <table className="timeline-table" data-testid="timeline-table">
          <thead>
            <tr>
              <th>{t('panels.timeline.network')}</th>
              <th>{t('panels.timeline.year')}</th>
              <th>{t('panels.timeline.top5')}</th>
              <th>{t('panels.timeline.evaluated')}</th>
              <th>{t('panels.timeline.singleModel')}</th>
              <th>{t('panels.timeline.depth')}</th>
              <th>{t('panels.timeline.params')}</th>
              <th>MACs</th>
              <th>{t('panels.timeline.source')}</th>
            </tr>
          </thead>
          <tbody>
            {timeline.points.map((p) => (
              <tr
                key={p.entry.id}
                title={[
                  timelineNote(language, p.entry.id, 'top5', p.entry.top5.note),
                  timelineNote(language, p.entry.id, 'templateNote', p.entry.templateNote),
                  timelineNote(language, p.entry.id, 'note', p.entry.note),
                ]
                  .filter(Boolean)
                  .join(' ')}
              >
                <td>{p.entry.name}</td>
                <td>{p.entry.year}</td>
                <td className="num">{decimal(String(p.entry.top5.value))}%</td>
                <td>{t(evaluationKey[p.entry.top5.evaluation])}</td>
                <td
                  className="num"
                  title={timelineNote(language, p.entry.id, 'singleModel', p.entry.singleModel?.note)}
                >
                  {p.entry.singleModel ? `${decimal(String(p.entry.singleModel.value))}%` : '—'}
                </td>
                <td className="num">{p.depth ? p.depth.value : '—'}</td>
                <td className="num">{p.params ? decimal(formatSI(p.params.value)) : '—'}</td>
                <td className="num">
                  {p.macs ? decimal(formatSI(p.macs.value)) : '—'}
                  {p.macs?.from === 'published' ? t('panels.timeline.reference') : ''}
                </td>
                <td title={p.entry.source.citation}>
                  {p.entry.source.citation.split(',')[0]} {p.entry.source.year}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="small muted">{t('panels.timeline.footnote')}</p>
        <div className="button-row wrap">
          <button type="button" onClick={() => void save('svg')}>
            {t('panels.timeline.exportSvg')}
          </button>
          <button type="button" onClick={() => void save('png')}>
            {t('panels.timeline.exportPng')}
          </button>
          <button type="button" className="primary" onClick={() => setOpen(false)}>
            {t('panels.timeline.close')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

/** Entries of one year spread a little apart, so three 2015 networks do not hide one another. */
function jittered(all: TimelinePoint[], p: TimelinePoint): number {
  const same = all.filter((q) => q.entry.year === p.entry.year);
  return p.entry.year + (same.indexOf(p) - (same.length - 1) / 2) * 0.18;
}

/** A point with the name its tooltip shows. */
type Named = { x: number; y: number; name: string };

function chartConfig(timeline: ReturnType<typeof buildTimeline> | null, view: View, ui: Ui): ChartConfiguration {
  const { t, decimal } = ui;
  const si = (value: number) => decimal(formatSI(value));
  if (!timeline) return { type: 'scatter', data: { datasets: [] } };
  const nets = timeline.points;
  const font = { size: 11 };
  if (view === 'year') {
    return {
      type: 'scatter',
      data: {
        datasets: [
          ...[
            { label: t('panels.timeline.cnns'), cnn: true, color: `${palette[0]}c0` },
            { label: t('panels.timeline.notNeural'), cnn: false, color: '#9a9a9ac0' },
          ].map(({ label, cnn, color }) => {
            const shown = nets.filter((p) => (p.depth !== null) === cnn);
            return {
              label,
              data: shown.map((p): Named => ({ x: jittered(nets, p), y: p.entry.top5.value, name: p.entry.name })),
              pointRadius: shown.map((p) => depthRadius(p.depth?.value ?? null)),
              backgroundColor: color,
            };
          }),
          {
            type: 'line',
            label: t('panels.timeline.human', { value: decimal(String(timeline.human.value)) }),
            data: [
              { x: 2009.5, y: timeline.human.value },
              { x: 2015.5, y: timeline.human.value },
            ],
            borderColor: HUMAN,
            borderDash: [6, 4],
            pointRadius: 0,
          },
        ],
      },
      options: {
        parsing: false,
        plugins: {
          legend: { labels: { font } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const raw = item.raw as { y: number; name?: string };
                const value = decimal(String(raw.y));
                return raw.name ? `${raw.name}: ${value}%` : t('panels.timeline.humanPoint', { value });
              },
            },
          },
        },
        scales: {
          x: {
            type: 'linear',
            min: 2009.5,
            max: 2015.5,
            // The bounds are half years; the ticks, the whole ones.
            afterBuildTicks: (axis) => {
              axis.ticks = [2010, 2011, 2012, 2013, 2014, 2015].map((value) => ({ value }));
            },
            ticks: { callback: (v) => String(v) },
            title: { display: true, text: t('panels.timeline.yearAxis') },
          },
          y: { min: 0, max: 30, title: { display: true, text: t('panels.timeline.errorAxis') } },
        },
      },
    };
  }
  const withCost = nets.filter((p) => p.depth && p.macs);
  const own = timeline.own && timeline.own.macs > 0 ? timeline.own : null;
  const ownData: Named[] = own ? [{ x: own.depth, y: own.macs, name: own.name }] : [];
  const netData: Named[] = withCost.map((p) => ({
    x: p.depth!.value,
    y: p.macs!.value,
    name: `${p.entry.name} (${p.entry.year})`,
  }));
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: t('panels.timeline.winners'),
          data: netData,
          backgroundColor: palette[0],
          pointRadius: 5,
        },
        ...(own
          ? [
              {
                label: t('panels.timeline.yours', { name: own.name }),
                data: ownData,
                backgroundColor: OWN,
                pointStyle: 'rectRot' as const,
                pointRadius: 8,
              },
            ]
          : []),
      ],
    },
    options: {
      parsing: false,
      plugins: {
        legend: { labels: { font } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const raw = item.raw as { x: number; y: number; name: string };
              return t('panels.timeline.costPoint', { name: raw.name, depth: raw.x, macs: si(raw.y) });
            },
          },
        },
      },
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: t('panels.timeline.depthAxis') } },
        y: {
          type: 'logarithmic',
          // Whole decades around every point, so none sits on the frame.
          min: 10 ** Math.floor(Math.log10(Math.min(...[...netData, ...ownData].map((p) => p.y)))),
          max: 10 ** Math.ceil(Math.log10(Math.max(...[...netData, ...ownData].map((p) => p.y)) * 1.01)),
          ticks: { callback: (v) => (Number.isInteger(Math.log10(Number(v))) ? si(Number(v)) : '') },
          title: { display: true, text: t('panels.timeline.macsAxis') },
        },
      },
    },
  };
}
