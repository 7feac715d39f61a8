import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createServices } from '../../../../electron/services/index';
import { parseDocument } from '../../../../renderer/files/documentFiles';
import { OpenedFile } from '../../../../shared/api';
import { tinyModel } from './builder';

const model = (input: (number | string)[]) =>
  tinyModel({
    input,
    weights: { w: [4, 3, 1, 1] },
    nodes: [{ op: 'Conv', inputs: ['x', 'w'], attrs: { kernel_shape: [1, 1] } }],
  });

const opened = (bytes: Uint8Array) =>
  OpenedFile.parse({ path: null, name: 'net.onnx', text: '', base64: Buffer.from(bytes).toString('base64') });

describe("the editor's Import of an .onnx file (bytes as base64 through the API)", () => {
  it('imports the model with its notes', () => {
    const parsed = parseDocument(opened(model([1, 3, 16, 16])));
    expect(parsed.ok && parsed.graph.nodes.map((n) => n.kind)).toEqual(['Input', 'Conv2D']);
    expect(parsed.ok && parsed.warnings.map((w) => w.code)).toContain('parameter-convention');
    expect(parsed.ok && parsed.isProject).toBe(false);
  });

  it('asks for an open input size, as for Keras files', () => {
    vi.stubGlobal('window', { prompt: vi.fn(() => '20,24,3') });
    const parsed = parseDocument(opened(model([1, 3, 'h', 'w'])));
    vi.unstubAllGlobals();
    expect(parsed.ok && parsed.graph.nodes[0]!.params.shape).toEqual([20, 24, 3]);
  });

  it('a damaged file is one message naming it', () => {
    const parsed = parseDocument(opened(model([1, 3, 16, 16]).subarray(0, 20)));
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/^net\.onnx: It is not/) });
  });

  it("the desktop's Import dialog sends an .onnx file's bytes, which the editor imports", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netwright-onnx-open-'));
    const file = path.join(dir, 'chosen.onnx');
    const bytes = model([1, 3, 16, 16]);
    writeFileSync(file, bytes);
    const services = createServices({
      shell: 'electron',
      dataDir: dir,
      desktop: {
        chooseFileToOpen: async () => file,
        chooseSavePath: async () => null,
        setDocumentState: () => {},
        allowDatasetRead: async () => false,
      },
    });
    const opened = OpenedFile.parse(await services.openFileDialog({ purpose: 'import' }));
    expect(opened).toMatchObject({ name: 'chosen.onnx', text: '' });
    expect(Buffer.from(opened.base64!, 'base64')).toEqual(Buffer.from(bytes));
    const parsed = parseDocument(opened);
    expect(parsed.ok && parsed.graph.nodes.map((n) => n.kind)).toEqual(['Input', 'Conv2D']);
  });
});
