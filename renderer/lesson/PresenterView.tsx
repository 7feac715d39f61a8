import { useEffect, useMemo, useRef, useState } from 'react';
import { resolveStep } from '../../shared/lessons';
import { comparisonHeadline, toSvgChart } from '../../shared/transforms';
import { useText } from '../i18n/useText';
import { PresenterField, PresenterTimeline } from '../insight/PresenterInsight';
import { Caption } from './Caption';
import { useLessonStore } from './lessonStore';
import { StepCanvas } from './StepCanvas';

/** What presentation clickers send: next is →, PageDown or space; back is ← or PageUp. */
const NEXT = new Set(['ArrowRight', 'PageDown', ' ', 'Spacebar']);
const PREVIOUS = new Set(['ArrowLeft', 'PageUp']);

/**
 * A lesson in front of a class: full screen, one step at a time, large type, a pointer spot
 * that follows the mouse, a high-contrast theme (H), Esc back to editing with nothing lost.
 */
export function PresenterView() {
  const { t, language } = useText();
  const { lesson, index, presenting, highContrast, next, previous, exit, toggleContrast } = useLessonStore();
  const root = useRef<HTMLDivElement>(null);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);

  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      // Nothing reaches the editor underneath: an Undo or Delete there would change the network.
      e.stopPropagation();
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (NEXT.has(e.key)) next();
      else if (PREVIOUS.has(e.key)) previous();
      else if (e.key === 'Escape') exit();
      else if (e.key === 'h' || e.key === 'H') toggleContrast();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    // Full screen where the browser allows it; the view fills the window either way.
    void document.documentElement.requestFullscreen?.().catch(() => {});
    root.current?.focus();
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [presenting, next, previous, exit, toggleContrast]);

  const step = useMemo(() => (lesson && presenting ? resolveStep(lesson, index) : null), [lesson, index, presenting]);
  const chart = useMemo(
    () =>
      step?.comparison
        ? // The legend names both networks; the step's title fits the chart's width.
          toSvgChart(step.comparison, { title: step.step.title })
        : null,
    [step],
  );
  if (!lesson || !presenting || !step) return null;
  const showCompare = step.step.show === 'compare' && step.comparison !== null;
  const showField = step.step.show === 'receptiveField' && step.field !== null;
  return (
    <div
      ref={root}
      className={`presenter${highContrast ? ' high-contrast' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label={t('presenter.dialog', { title: lesson.title })}
      tabIndex={-1}
      onMouseMove={(e) => setPointer({ x: e.clientX, y: e.clientY })}
      onMouseLeave={() => setPointer(null)}
    >
      <header className="presenter-header">
        <h1 data-testid="lesson-step-title">{step.step.title}</h1>
        <span className="presenter-counter" data-testid="lesson-counter">
          {step.number} / {lesson.steps.length}
        </span>
      </header>
      <div className={`presenter-body${showCompare ? ' compare' : ''}`}>
        <section className="presenter-caption" aria-label={t('presenter.caption')}>
          <Caption text={step.caption} />
          {(showCompare || showField) && step.comparison && (
            <p className="presenter-headline" data-testid="lesson-headline">
              {comparisonHeadline(step.comparison, language)}
            </p>
          )}
          {step.problems.map((p) => (
            <p key={p} className="presenter-problem" role="alert">
              {p}
            </p>
          ))}
        </section>
        <section
          className="presenter-view"
          aria-label={showCompare ? t('presenter.comparison') : t('presenter.network')}
        >
          {step.step.show === 'timeline' ? (
            <PresenterTimeline />
          ) : showField ? (
            <PresenterField step={step} />
          ) : showCompare && chart ? (
            <img
              className="presenter-chart"
              data-testid="lesson-chart"
              alt={t('presenter.chartAlt', { a: step.comparison?.a.name ?? '', b: step.comparison?.b.name ?? '' })}
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart)}`}
            />
          ) : step.graph && step.analysis ? (
            <StepCanvas
              graph={step.graph}
              analysis={step.analysis}
              highlight={step.step.highlight}
              collapsed={step.step.collapsed}
            />
          ) : null}
        </section>
      </div>
      <footer className="presenter-footer">
        <span>{lesson.title}</span>
        <span className="muted">{t('presenter.keys')}</span>
      </footer>
      {pointer && <div className="presenter-pointer" style={{ left: pointer.x, top: pointer.y }} aria-hidden="true" />}
    </div>
  );
}
