import { errorMessage } from '../../shared/issues';
import { getApi, getFiles } from '../api/transport';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { useTrainingStore } from '../training/trainingStore';

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
    if (saved) notify(`Exported ${result.files.length} files: ${result.files.join(', ')}`);
  } catch (err) {
    notify(`Could not export: ${errorMessage(err)}`, 'error');
  }
}
