import { useRef } from 'react';
import { errorText } from '../../shared/api';
import { getApi } from '../api/transport';
import { useText } from '../i18n/useText';
import { useUiStore } from '../store/uiStore';
import { useFeaturesStore } from './featuresStore';
import { encodeBase64 } from './pixels';

/**
 * Opens a TF.js Layers model (model.json chosen together with its weight files) or an ONNX file
 * with its weights in the Features view; `onOpened` closes whatever dialog holds the button.
 */
export function OpenModelButton({ onOpened }: { onOpened(): void }) {
  const picker = useRef<HTMLInputElement>(null);
  const notify = useUiStore((s) => s.notify);
  const { t, language } = useText();
  const openOnnx = async (file: File) => {
    const base64 = encodeBase64(new Uint8Array(await file.arrayBuffer()));
    const { runId, name } = await getApi().invoke('featureImportOnnx', { name: file.name, base64 });
    onOpened();
    useFeaturesStore.getState().open(runId, 'files', name);
  };
  const open = async (chosen: File[]) => {
    const onnx = chosen.filter((f) => /\.onnx$/i.test(f.name));
    if (onnx.length > 0) {
      if (chosen.length > 1) notify(t('onnxWeights.oneOnnx'), 'error');
      else await openOnnx(onnx[0]!).catch((err) => notify(errorText(err, language), 'error'));
      return;
    }
    const json = chosen.find((f) => /\.json$/i.test(f.name));
    if (!json) {
      notify(t('onnxWeights.chooseFiles'), 'error');
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
      notify(errorText(err, language), 'error');
    }
  };
  return (
    <>
      <button type="button" title={t('onnxWeights.openModelTitle')} onClick={() => picker.current?.click()}>
        {t('onnxWeights.openModel')}
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        accept=".json,.bin,.onnx,application/json,application/octet-stream"
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
