import { useEffect, useId, useMemo, useState } from 'react';
import { errorText } from '../../shared/api';
import {
  addStep,
  buildInceptionLesson,
  deleteStep,
  emptyLesson,
  type Lesson,
  lessonText,
  moveStep,
  placeholderNames,
  resolveStep,
  setCompareWith,
  updateStep,
} from '../../shared/lessons';
import { getFiles } from '../api/transport';
import { uiLanguage } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import { StepShowField } from '../insight/StepShowField';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { Caption } from './Caption';
import { useLessonStore } from './lessonStore';

/** A text field that commits on blur or Enter: one undoable edit per change, not per keystroke. */
function CommitField({
  label,
  value,
  multiline,
  onCommit,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  onCommit(text: string): void;
}) {
  const [text, setText] = useState(value);
  const id = useId();
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  return (
    <div className="lesson-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={text} rows={6} onChange={(e) => setText(e.target.value)} onBlur={commit} />
      ) : (
        <input
          id={id}
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      )}
    </div>
  );
}

/** Writing a lesson: its steps from the open network, captions with live numbers, order, and the file. */
export function LessonPanel() {
  const { t } = useText();
  const { lesson, index, past, future, edit, undo, redo, go, open, present } = useLessonStore();
  const graph = useDocumentStore((s) => s.graph);
  const name = useDocumentStore((s) => s.name);
  const selection = useDocumentStore((s) => s.selection);
  const notify = useUiStore((s) => s.notify);
  const step = useMemo(() => (lesson?.steps[index] ? resolveStep(lesson, index) : null), [lesson, index]);

  if (!lesson) {
    return (
      <section className="lesson-panel" aria-label={t('panels.lesson.label')}>
        <h2>{t('panels.lesson.heading')}</h2>
        <p className="small muted">{t('panels.lesson.intro')}</p>
        <div className="button-row">
          <button type="button" onClick={() => open(emptyLesson(undefined, uiLanguage()))}>
            {t('panels.lesson.newLesson')}
          </button>
          <button type="button" onClick={() => open(buildInceptionLesson(uiLanguage()))}>
            {t('panels.lesson.editBuiltIn')}
          </button>
        </div>
      </section>
    );
  }
  const change = (next: Lesson) => edit(next);
  const addView = () => {
    const highlight = graph.nodes.filter((n) => selection.includes(n.id)).map((n) => n.name);
    const collapsed = graph.groups.filter((g) => g.collapsed).map((g) => g.name);
    const added = addStep(lesson, { name, graph }, { highlight, collapsed }, index);
    change(added.lesson);
    go(added.index);
  };
  const save = async () => {
    try {
      const blob = new Blob([lessonText(lesson)], { type: 'application/json' });
      await getFiles().exportFile(`${lesson.title || 'lesson'}.lesson.json`, 'json', blob);
    } catch (err) {
      notify(t('panels.lesson.saveFailed', { reason: errorText(err, uiLanguage()) }), 'error');
    }
  };
  return (
    <section className="lesson-panel" aria-label={t('panels.lesson.label')}>
      <h2>{t('panels.lesson.heading')}</h2>
      <CommitField
        label={t('panels.lesson.title')}
        value={lesson.title}
        onCommit={(title) => change({ ...lesson, title })}
      />
      <div className="button-row wrap">
        <button type="button" className="primary" onClick={addView}>
          {t('panels.lesson.addView')}
        </button>
        <button type="button" disabled={past.length === 0} onClick={undo}>
          {t('panels.lesson.undo')}
        </button>
        <button type="button" disabled={future.length === 0} onClick={redo}>
          {t('panels.lesson.redo')}
        </button>
      </div>
      <ol className="lesson-steps" aria-label={t('panels.lesson.steps')}>
        {lesson.steps.map((s, i) => (
          <li key={s.id}>
            <button type="button" className={i === index ? 'selected' : undefined} onClick={() => go(i)}>
              {s.title || s.id}
            </button>
          </li>
        ))}
      </ol>
      {step && (
        <section className="lesson-step" aria-label={t('panels.lesson.step')}>
          <div className="button-row wrap">
            <button
              type="button"
              disabled={index === 0}
              onClick={() => {
                change(moveStep(lesson, index, -1));
                go(index - 1);
              }}
            >
              {t('panels.lesson.moveUp')}
            </button>
            <button
              type="button"
              disabled={index === lesson.steps.length - 1}
              onClick={() => {
                change(moveStep(lesson, index, 1));
                go(index + 1);
              }}
            >
              {t('panels.lesson.moveDown')}
            </button>
            <button
              type="button"
              onClick={() => {
                change(deleteStep(lesson, index));
                go(index);
              }}
            >
              {t('panels.lesson.deleteStep')}
            </button>
          </div>
          <CommitField
            label={t('panels.lesson.stepTitle')}
            value={step.step.title}
            onCommit={(title) => change(updateStep(lesson, index, { title }))}
          />
          <CommitField
            label={t('panels.lesson.caption')}
            multiline
            value={step.step.caption}
            onCommit={(caption) => change(updateStep(lesson, index, { caption }))}
          />
          <p className="small muted" title={placeholderNames.map((n) => `{${n}}`).join(' ')}>
            {t('panels.lesson.numbers', { examples: '{params}, {macs}, {rf}, {saved.macsPct}' })}
          </p>
          <label className="lesson-field">
            <span>{t('panels.lesson.compareWith')}</span>
            <select
              value={step.step.compareWith ?? ''}
              onChange={(e) => change(setCompareWith(lesson, index, e.target.value || undefined))}
            >
              <option value="">{t('panels.lesson.nothing')}</option>
              {lesson.steps
                .filter((s) => s.id !== step.step.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title || s.id}
                  </option>
                ))}
            </select>
          </label>
          <StepShowField
            lesson={lesson}
            index={index}
            step={step}
            other={(() => {
              const at = lesson.steps.findIndex((s) => s.id === step.step.compareWith);
              return at < 0 ? null : resolveStep(lesson, at);
            })()}
            change={change}
          />
          <section className="lesson-preview" aria-label={t('panels.lesson.preview')}>
            <Caption text={step.caption} />
            {step.problems.map((p) => (
              <p key={p} className="field-error" role="alert">
                {p}
              </p>
            ))}
          </section>
        </section>
      )}
      <div className="button-row wrap">
        <button type="button" disabled={lesson.steps.length === 0} onClick={() => present(lesson, index)}>
          {t('panels.lesson.present')}
        </button>
        <button type="button" onClick={() => void save()}>
          {t('panels.lesson.save')}
        </button>
      </div>
    </section>
  );
}
