import { useRef } from 'react';
import { errorMessage } from '../../shared/issues';
import { getApi } from '../api/transport';
import { useText } from '../i18n/useText';
import { useUiStore } from '../store/uiStore';
import { useFeaturesStore } from './featuresStore';
import { encodeBase64 } from './pixels';

/**
 * Opens a TF.js Layers model (model.json chosen together with its weight files) in the
 * Features view; `onOpened` closes whatever dialog holds the button.
 */
export function OpenModelButton({ onOpened }: { onOpened(): void }) {
  const picker = useRef<HTMLInputElement>(null);
  const { t } = useText();
  const notify = useUiStore((s) => s.notify);
  const open = async (chosen: File[]) => {
    const json = chosen.find((f) => /\.json$/i.test(f.name));
    if (!json) {
      notify(t('panels.features.chooseModelJson'), 'error');
      return;
    }
    try {
      const weights = await Promise.all(
        chosen
          .filter((f) => f !== json)
          .map(async (f) => ({ name: f.name, base64: encodeBase64(new Uint8Array(await f.arrayBuffer())) })),
      );
      const { runId, name } = await getApi().invoke('featureImportModel', {
        name: json.name,
        modelJson: await json.text(),
        weights,
      });
      onOpened();
      useFeaturesStore.getState().open(runId, 'files', name);
    } catch (err) {
      notify(errorMessage(err), 'error');
    }
  };
  return (
    <>
      <button type="button" title={t('panels.features.openModelTitle')} onClick={() => picker.current?.click()}>
        {t('panels.features.openModel')}
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        accept=".json,.bin,application/json,application/octet-stream"
        hidden
        data-testid="open-tfjs-model"
        onChange={(e) => {
          void open([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </>
  );
}
