import { errorText } from '../../shared/api';
import { translator } from '../../shared/i18n';
import { getApi, getFiles } from '../api/transport';
import { uiLanguage } from '../i18n/i18n';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { useTrainingStore } from '../training/trainingStore';

/** The window's texts in the language it speaks now (these messages are made outside React). */
const text = () => translator('ui', uiLanguage());

/**
 * PyTorch or Keras code for the open network, as a zip (model.py, train.py, README.md),
 * with the Train tab's settings (label smoothing, optimizer, schedule); with a run, its
 * trained weights and check.py too.
 */
export async function exportCode(target: 'pytorch' | 'keras', runId?: string): Promise<void> {
  const { graph, name } = useDocumentStore.getState();
  const notify = useUiStore.getState().notify;
  try {
    const result = await getApi().invoke('exportCode', {
      graph,
      name,
      target,
      options: useTrainingStore.getState().options,
      ...(runId ? { runId } : {}),
    });
    const bytes = Uint8Array.from(atob(result.zipBase64), (c) => c.charCodeAt(0));
    const saved = await getFiles().exportFile(
      result.suggestedName,
      'zip',
      new Blob([bytes], { type: 'application/zip' }),
    );
    if (saved)
      notify(text().t('panels.files.exported', { count: result.files.length, files: result.files.join(', ') }));
  } catch (err) {
    notify(text().t('panels.files.exportFailed', { reason: errorText(err, uiLanguage()) }), 'error');
  }
}

/**
 * The open network (or a run's, with its trained weights) as one ONNX file. The desktop
 * writes it where the user chooses in the Save dialog, in the main process: a whole
 * network's file is too large to send back and forth. Browser mode downloads it.
 */
export async function exportOnnx(runId?: string): Promise<void> {
  const { graph, name } = useDocumentStore.getState();
  const notify = useUiStore.getState().notify;
  const files = getFiles();
  try {
    const result = await getApi().invoke('exportOnnx', {
      graph,
      name,
      save: files.savesToDisk ? 'dialog' : 'download',
      ...(runId ? { runId } : {}),
    });
    const { t, decimal } = text();
    const size = `${decimal((result.bytes / 1e6).toFixed(1))} MB`;
    if (result.base64 !== null) {
      const bytes = Uint8Array.from(atob(result.base64), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type: 'application/octet-stream' });
      if (await files.exportFile(result.suggestedName, 'onnx', blob))
        notify(t('panels.files.exportedOnnx', { file: result.suggestedName, size }));
    } else if (result.path !== null) {
      notify(t('panels.files.exportedOnnx', { file: result.path, size }));
    }
  } catch (err) {
    notify(text().t('panels.files.onnxFailed', { reason: errorText(err, uiLanguage()) }), 'error');
  }
}
