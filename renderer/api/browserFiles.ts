import { blobToBase64, type FileAccess } from './fileAccess';

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    document.body.append(input);
    input.click();
    input.remove();
  });
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Browser mode: the browser's own file picker and downloads. */
export const browserFiles: FileAccess = {
  savesToDisk: false,
  async open(purpose) {
    const file = await pickFile(
      purpose === 'open' ? '.netwright,.json,application/json,.onnx' : '.json,application/json,.onnx',
    );
    if (!file) return null;
    // ONNX models are protobuf, not text: their bytes travel as base64.
    if (/\.onnx$/i.test(file.name)) return { path: null, name: file.name, text: '', base64: await blobToBase64(file) };
    return { path: null, name: file.name, text: await file.text() };
  },
  async save({ suggestedName, contents }) {
    download(suggestedName, new Blob([contents], { type: 'application/json' }));
    return { path: null, name: suggestedName };
  },
  async exportFile(suggestedName, _kind, data) {
    download(suggestedName, data);
    return true;
  },
};
