import type { ExportKind, OpenedFile } from '../../shared/api';

/** Opening and saving files, whichever shell provides the dialogs. */
export interface FileAccess {
  /** True where saves go back to a path on disk (desktop); false where they download (browser). */
  readonly savesToDisk: boolean;
  open(purpose: 'open' | 'import'): Promise<OpenedFile | null>;
  save(request: { path: string | null; suggestedName: string; contents: string; saveAs: boolean }): Promise<{
    path: string | null;
    name: string;
  } | null>;
  exportFile(suggestedName: string, kind: ExportKind, data: Blob): Promise<boolean>;
}

export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
