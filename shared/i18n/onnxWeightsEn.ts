/** Opening a model for the feature views: a TF.js model.json with its weight files, or an ONNX file with its weights. */
export const onnxWeightsEn = {
  openModel: 'Open model…',
  openModelTitle:
    'Look into a trained network: choose a TF.js model.json together with its weight files, or one .onnx file with its weights (as torch.onnx.export writes it)',
  chooseFiles: 'Choose a model.json together with its weight files (.bin), or one .onnx file.',
  oneOnnx: 'Choose one .onnx file at a time.',
};
