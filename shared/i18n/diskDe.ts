import type { Catalogue } from './catalogue';

/** Why a save or export could not be written, in German: the same keys and placeholders as diskEn.ts. */
export const diskDe: Catalogue['diagnostics']['disk'] = {
  cannotSave: 'Speichern nach {{target}} nicht möglich: {{reason}}',
  reason: {
    readOnly: 'Der Ordner ist schreibgeschützt ({{code}}). Wählen Sie einen anderen Ordner.',
    permission: 'Zugriff verweigert ({{code}}). Wählen Sie einen Ordner, in den Sie schreiben dürfen.',
    full: 'Der Datenträger ist voll ({{code}}). Geben Sie Platz frei oder wählen Sie einen anderen Datenträger.',
    quota:
      'Das Speicherkontingent ist aufgebraucht ({{code}}). Geben Sie Platz frei oder wählen Sie einen anderen Datenträger.',
    noFolder: 'Der Ordner existiert nicht ({{code}}). Legen Sie ihn an oder wählen Sie einen anderen Ordner.',
    notFolder: 'Ein Teil des Pfads ist eine Datei, kein Ordner ({{code}}). Wählen Sie einen anderen Ordner.',
    folderInWay: 'Ein Ordner dieses Namens ist im Weg ({{code}}). Wählen Sie einen anderen Namen.',
    fileInWay: 'Eine Datei dieses Namens ist im Weg ({{code}}). Wählen Sie einen anderen Ordner.',
    nameTooLong: 'Der Name ist zu lang ({{code}}). Wählen Sie einen kürzeren Namen.',
    tooManyFiles:
      'Zu viele Dateien sind geöffnet ({{code}}). Schließen Sie einige Programme und versuchen Sie es erneut.',
    io: 'Der Datenträger meldet einen Ein-/Ausgabefehler ({{code}}). Prüfen Sie ihn oder wählen Sie einen anderen.',
  },
  keptIn:
    '{{problem}} Der trainierte Lauf liegt in {{folder}}: Netwright führt ihn unter Training, und `npx netwright export FILE --to pytorch --out DIR --weights {{folder}}` exportiert ihn.',
  notKept: '{{problem}} Auch der trainierte Lauf ließ sich nicht behalten ({{why}}).',
  noKeepFolder: 'kein Ordner, um ihn zu behalten',
};
