/**
 * Whether this window has written the recovery file. There is one recovery file; once this
 * window has written its own unsaved work there, the file holds that work, not an earlier
 * session's, and offering it "back" on the start page (after New) would offer what is open.
 */
let written = false;

export function markRecoveryWritten(): void {
  written = true;
}

export function recoveryIsOurs(): boolean {
  return written;
}
