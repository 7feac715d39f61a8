import type { onnxWeightsEn } from './onnxWeightsEn';

/** The same keys as onnxWeightsEn.ts, German texts. */
export const onnxWeightsDe: { readonly [K in keyof typeof onnxWeightsEn]: string } = {
  openModel: 'Modell öffnen…',
  openModelTitle:
    'In ein trainiertes Netz hineinsehen: eine TF.js-model.json zusammen mit ihren Gewichtsdateien wählen, oder eine .onnx-Datei mit ihren Gewichten (wie torch.onnx.export sie schreibt)',
  chooseFiles: 'Eine model.json zusammen mit ihren Gewichtsdateien (.bin) wählen, oder eine .onnx-Datei.',
  oneOnnx: 'Bitte jeweils nur eine .onnx-Datei wählen.',
};
