import { useMemo } from 'react';
import { buildTimeline, type FieldGeometry, timelineSvg } from '../../shared/insight';
import type { ResolvedStep } from '../../shared/lessons';
import { useText } from '../i18n/useText';
import { FieldPicture, FrameControls, useFrames } from './FieldView';

/** A lesson step's receptive fields: the compared step's beside this one's, stepped through together. */
export function PresenterField({ step }: { step: ResolvedStep }) {
  const { t } = useText();
  const before = t('panels.field.before');
  const field = step.field;
  const views = useMemo(() => {
    const out: { label: string; geometry: FieldGeometry; testId: string }[] = [];
    if (field?.other?.ok)
      out.push({ label: step.comparison?.a.name ?? before, geometry: field.other, testId: 'lesson-field-other' });
    if (field?.own.ok) out.push({ label: step.name, geometry: field.own, testId: 'lesson-field' });
    return out;
  }, [field, step.comparison, step.name, before]);
  const length = Math.max(1, ...views.map((v) => v.geometry.path.length));
  const frames = useFrames(length, step.step.id);
  if (views.length === 0) return null;
  return (
    <div className="presenter-field" data-testid="lesson-fields">
      <div className="field-row">
        {views.map((v) => (
          <FieldPicture
            key={v.testId}
            geometry={v.geometry}
            frame={frames.frame}
            label={v.label}
            testId={v.testId}
            fit="field"
          />
        ))}
      </div>
      <FrameControls frames={frames} length={length} />
    </div>
  );
}

/** The lesson's opening argument: ImageNet error by year, drawn as on the slide. */
export function PresenterTimeline() {
  const { t } = useText();
  const svg = useMemo(() => timelineSvg(buildTimeline(), 'year'), []);
  return (
    <img
      className="presenter-chart"
      data-testid="lesson-timeline"
      alt={t('panels.field.timelineAlt')}
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
    />
  );
}
