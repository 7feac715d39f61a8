/**
 * Why a save or export could not be written, in English: mounted as `diagnostics.disk`, so a
 * disk error crosses the API with its text (electron/services/disk; diskDe.ts: German). Paths
 * and the system's error code are values; a failure without a known code keeps its own words.
 */
export const diskEn = {
  /** `reason` is one of the reasons below, or the system's own words. */
  cannotSave: 'Cannot save to {{target}}: {{reason}}',
  /** By the system's error code (`code`: EROFS, ENOSPC, …): the reason, then the advice. */
  reason: {
    readOnly: 'the folder is read-only ({{code}}). Choose another folder.',
    permission: 'permission denied ({{code}}). Choose a folder you can write to.',
    full: 'the disk is full ({{code}}). Free some space or choose another disk.',
    quota: 'the disk quota is used up ({{code}}). Free some space or choose another disk.',
    noFolder: 'the folder does not exist ({{code}}). Create it or choose another folder.',
    notFolder: 'a part of the path is a file, not a folder ({{code}}). Choose another folder.',
    folderInWay: 'a folder of that name is in the way ({{code}}). Choose another name.',
    fileInWay: 'a file of that name is in the way ({{code}}). Choose another folder.',
    nameTooLong: 'the name is too long ({{code}}). Choose a shorter name.',
    tooManyFiles: 'too many files are open ({{code}}). Close some programs and try again.',
    io: 'the disk reported an input/output error ({{code}}). Check the disk or choose another one.',
  },
  /** A run that could not be saved where asked; `problem` is the cannotSave text. */
  keptIn:
    '{{problem}} The trained run is kept in {{folder}}: Netwright lists it under Training, and `npx netwright export FILE --to pytorch --out DIR --weights {{folder}}` exports it.',
  /** `why` is the system's complaint, or noKeepFolder. */
  notKept: '{{problem}} The trained run could not be kept either ({{why}}).',
  noKeepFolder: 'no folder to keep it in',
};
