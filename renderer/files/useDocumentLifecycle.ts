import { useEffect } from 'react';
import { translator } from '../../shared/i18n';
import { getApi } from '../api/transport';
import { uiLanguage } from '../i18n/i18n';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { projectText } from './documentFiles';
import { markRecoveryWritten } from './recoveryOwner';

const autosaveMs = 3000;

/** Title with the unsaved marker, the close prompt, and the recovery file while dirty. */
export function useDocumentLifecycle(): void {
  const name = useDocumentStore((s) => s.name);
  const dirty = useDocumentStore((s) => s.dirty);

  useEffect(() => {
    const title = `${dirty ? '• ' : ''}${name} — Netwright`;
    document.title = title;
    void getApi()
      .invoke('setDocumentState', { title, dirty })
      .catch(() => {});
  }, [name, dirty]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older engines ask only when returnValue is a non-empty string.
      event.returnValue = translator('ui', uiLanguage()).t('panels.files.unsaved');
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    if (!dirty) return;
    let written: unknown = null;
    let lastProblem = '';
    const timer = setInterval(() => {
      const state = useDocumentStore.getState();
      if (!state.dirty || state.graph === written) return;
      written = state.graph;
      void getApi()
        .invoke('recoveryWrite', { name: state.name, filePath: state.filePath, contents: projectText() })
        .then(
          () => {
            markRecoveryWritten();
            lastProblem = '';
          },
          (err) => {
            // Said once (e.g. a document too large for browser mode's socket), not every few seconds.
            const problem = translator('ui', uiLanguage()).t('panels.files.noRecovery', {
              reason: err instanceof Error ? err.message : String(err),
            });
            if (problem !== lastProblem) useUiStore.getState().notify(problem, 'error');
            lastProblem = problem;
          },
        );
    }, autosaveMs);
    return () => clearInterval(timer);
  }, [dirty]);
}
