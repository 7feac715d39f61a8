import { useEffect, useState } from 'react';
import type { RecentEntry, RecoveredDocument } from '../../shared/api';
import { GraphBuilder } from '../../shared/graph/builder';
import { catalogues } from '../../shared/i18n';
import { buildInceptionLesson } from '../../shared/lessons';
import { type Template, templates, templateText } from '../../shared/templates';
import { getApi } from '../api/transport';
import { loadIntoEditor, newDocument, openDocument, openRecent } from '../files/documentFiles';
import { recoveryIsOurs } from '../files/recoveryOwner';
import { useText } from '../i18n/useText';
import { useLessonStore } from '../lesson/lessonStore';
import { useUiStore } from '../store/uiStore';
import { ModalDialog } from './ModalDialog';

function emptyNetwork() {
  const b = new GraphBuilder();
  b.add('Input', { shape: [32, 32, 3] }, [], 'input', { x: 0, y: 0 });
  return b.build();
}

/** What a new window offers: a blank network, templates, recent files, and unsaved work to restore. */
export function StartPage() {
  const { t, language } = useText();
  const lessonTitle = catalogues[language].lesson.title;
  const describe = (button: HTMLButtonElement, template: Template) => {
    button.title = templateText(template, language).description;
  };
  const open = useUiStore((s) => s.startOpen);
  const set = useUiStore((s) => s.set);
  const [recent, setRecent] = useState<RecentEntry[]>([]);
  const [recovered, setRecovered] = useState<RecoveredDocument | null>(null);

  useEffect(() => {
    if (!open) return;
    const api = getApi();
    void api.invoke('recentList', {}).then(setRecent, () => setRecent([]));
    // Only an earlier session's work is recovered; this window's own is what is open.
    if (recoveryIsOurs()) setRecovered(null);
    else void api.invoke('recoveryRead', {}).then(setRecovered, () => setRecovered(null));
  }, [open]);

  if (!open) return null;
  const restore = async () => {
    if (!recovered) return;
    const ok = await loadIntoEditor(
      { path: recovered.filePath, name: recovered.name, text: recovered.contents },
      { dirty: true },
    );
    if (ok) setRecovered(null);
  };
  const discard = async () => {
    await getApi().invoke('recoveryClear', {});
    setRecovered(null);
  };

  return (
    <ModalDialog label={t('start.dialog')} onClose={() => set({ startOpen: false })}>
      <div className="start-page">
        <h1>Netwright</h1>
        {recovered && (
          <div className="recovery" role="alert">
            <p>
              {t('start.recovered', {
                when: new Date(recovered.savedAt).toLocaleString(language),
                name: recovered.name,
              })}
            </p>
            <button type="button" className="primary" onClick={() => void restore()}>
              {t('start.restore')}
            </button>
            <button type="button" onClick={() => void discard()}>
              {t('start.discard')}
            </button>
          </div>
        )}
        <div className="start-columns">
          <section aria-label={t('start.start')}>
            <h2>{t('start.start')}</h2>
            <button
              type="button"
              className="primary"
              onClick={() => void newDocument(emptyNetwork(), t('start.untitled'))}
            >
              {t('start.newNetwork')}
            </button>
            <button type="button" onClick={() => void openDocument('open')}>
              {t('start.open')}
            </button>
            <button type="button" onClick={() => void openDocument('import')}>
              {t('start.import')}
            </button>
            <h2>{t('start.recent')}</h2>
            {recent.length === 0 ? (
              <p className="muted small">{t('start.nothingYet')}</p>
            ) : (
              recent.map((r) => (
                <button
                  key={r.id}
                  type="button"
                  className="link"
                  title={r.location ?? r.name}
                  onClick={() => void openRecent(r.id)}
                >
                  {r.name}
                </button>
              ))
            )}
          </section>
          <section aria-label={t('start.templates')}>
            <h2>{t('start.lessons')}</h2>
            <button
              type="button"
              className="template"
              title={t('start.lessonTitle')}
              onClick={() => {
                set({ startOpen: false });
                useLessonStore.getState().present(buildInceptionLesson(language));
              }}
            >
              <strong>{lessonTitle}</strong>
              <span className="muted small">{t('start.lessonKind')}</span>
            </button>
            <h2>{t('start.templates')}</h2>
            {templates.map((template) => (
              <button
                key={template.id}
                type="button"
                className="template"
                // The description counts the template's weights: analysed when first pointed at, not at start-up.
                onPointerEnter={(e) => describe(e.currentTarget, template)}
                onFocus={(e) => describe(e.currentTarget, template)}
                onClick={() => void newDocument(template.build(), template.id)}
              >
                <strong>{templateText(template, language).label}</strong>
                <span className="muted small">
                  {template.category === 'network' ? t('start.network') : t('start.module')}
                </span>
              </button>
            ))}
          </section>
        </div>
        <button type="button" className="close" aria-label={t('start.close')} onClick={() => set({ startOpen: false })}>
          ×
        </button>
      </div>
    </ModalDialog>
  );
}
