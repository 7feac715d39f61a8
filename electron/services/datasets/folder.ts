import path from 'node:path';
import { decodeImage } from './decode';
import { listFolder, pathKind, readBytes } from './files';
import { datasetProblem, datasetText, grouped } from './problem';
import type { ImageSource } from './source';

const IMAGE_EXTENSIONS = /\.(png|jpe?g)$/i;

/**
 * A folder with one subfolder per class (Keras's image_dataset_from_directory layout):
 * class names are the subfolder names in sorted order; PNG and JPEG files count,
 * other files are skipped. Images are decoded when used, so a damaged one is reported then.
 */
export function folderSource(root: string): ImageSource {
  if (pathKind(root, 'imageFolder') !== 'folder') {
    throw datasetProblem('folderIsFile', { root });
  }
  const classes = listFolder(root).filter((e) => e.folder);
  if (classes.length < 2) {
    throw classes.length === 0
      ? datasetProblem('noSubfolders', { root })
      : datasetProblem('oneSubfolder', { root, name: classes[0]!.name });
  }
  const files: string[] = [];
  const labels: number[] = [];
  let skipped = 0;
  classes.forEach((c, label) => {
    const dir = path.join(root, c.name);
    const entries = listFolder(dir).filter((e) => !e.folder);
    const images = entries.filter((e) => IMAGE_EXTENSIONS.test(e.name));
    skipped += entries.length - images.length;
    if (!images.length) {
      throw datasetProblem('noImages', { dir });
    }
    for (const e of images) {
      files.push(path.join(dir, e.name));
      labels.push(label);
    }
  });
  const first = decodeImage(files[0]!, readBytes(files[0]!));
  const skippedNote = skipped ? datasetText('described.folderSkipped', { count: grouped(skipped) }) : '';
  return {
    description: datasetText('described.folder', {
      root,
      count: grouped(files.length),
      classes: classes.length,
      skipped: skippedNote,
    }),
    count: files.length,
    labels: Int32Array.from(labels),
    classNames: classes.map((c) => c.name),
    nativeShape: { width: first.width, height: first.height, channels: 3 },
    image: (i) => (i === 0 ? first : decodeImage(files[i]!, readBytes(files[i]!))),
  };
}
