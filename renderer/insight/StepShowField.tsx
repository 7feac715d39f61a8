import type { Graph } from '../../shared/graph/types';
import { type Lesson, type LessonStep, type ResolvedStep, updateStep } from '../../shared/lessons';
import { useText } from '../i18n/useText';

type Show = LessonStep['show'];

/** Layers with a spatial output, by name: the ones a receptive field can be drawn for. */
function spatialLayers(graph: Graph | null, analysis: ResolvedStep['analysis']): string[] {
  if (!graph || !analysis) return [];
  return graph.nodes
    .filter((n) => {
      const a = analysis.nodes[n.id];
      return a?.outputShape?.length === 3 && a.receptiveField && !a.receptiveField.global && n.kind !== 'Input';
    })
    .map((n) => n.name);
}

/**
 * What a lesson step shows beside its caption: its network, the comparison (with a step to
 * compare with), a layer's receptive field (optionally beside a layer of the compared step's
 * network), or the ImageNet timeline.
 */
export function StepShowField({
  lesson,
  index,
  step,
  other,
  change,
}: {
  lesson: Lesson;
  index: number;
  step: ResolvedStep;
  /** The compared step, resolved; null without one. */
  other: ResolvedStep | null;
  change(next: Lesson): void;
}) {
  const { t } = useText();
  const own = spatialLayers(step.graph, step.analysis);
  const theirs = other ? spatialLayers(other.graph, other.analysis) : [];
  const field = step.step.receptiveField;
  const setShow = (show: Show) => {
    const patch: Partial<LessonStep> = { show };
    // A field needs a layer: the last one with a spatial output is the usual choice.
    if (show === 'receptiveField' && !field && own.length) patch.receptiveField = { node: own.at(-1)! };
    change(updateStep(lesson, index, patch));
  };
  const setField = (node: string, otherNode: string) =>
    change(updateStep(lesson, index, { receptiveField: otherNode ? { node, otherNode } : { node } }));
  return (
    <>
      <label className="lesson-field">
        <span>{t('panels.lesson.show')}</span>
        <select value={step.step.show} onChange={(e) => setShow(e.target.value as Show)}>
          <option value="network">{t('panels.lesson.showNetwork')}</option>
          <option value="compare" disabled={!step.step.compareWith}>
            {t('panels.lesson.showCompare')}
          </option>
          <option value="receptiveField" disabled={own.length === 0}>
            {t('panels.lesson.showField')}
          </option>
          <option value="timeline">{t('panels.lesson.showTimeline')}</option>
        </select>
      </label>
      {step.step.show === 'receptiveField' && (
        <>
          <label className="lesson-field">
            <span>{t('panels.lesson.fieldOf')}</span>
            <select value={field?.node ?? ''} onChange={(e) => setField(e.target.value, field?.otherNode ?? '')}>
              {!field && <option value="">{t('panels.lesson.chooseLayer')}</option>}
              {own.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {other && (
            <label className="lesson-field">
              <span>{t('panels.lesson.beside')}</span>
              <select
                value={field?.otherNode ?? ''}
                onChange={(e) => setField(field?.node ?? own.at(-1) ?? '', e.target.value)}
              >
                <option value="">{t('panels.lesson.nothing')}</option>
                {theirs.map((name) => (
                  <option key={name} value={name}>
                    {other.name}: {name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
    </>
  );
}
