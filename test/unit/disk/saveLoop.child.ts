/**
 * Child process for the kill -9 test: saves a project file and the recovery file over and
 * over, each copy self-checking (sequence number, body, SHA-256 of both), until killed.
 * With "start" it does what Netwright does at start (clean the data folder) and one save.
 */
import { createHash } from 'node:crypto';
import { cleanDataDir } from '../../../electron/services/dataDir';
import { DocumentStore } from '../../../electron/services/documents';
import { writeFileAtomic } from '../../../electron/services/files';

const [target, dataDir, mode] = process.argv.slice(2) as [string, string, string | undefined];

export function selfChecking(seq: number, size: number): string {
  const body = 'x'.repeat(size);
  const sum = createHash('sha256').update(`${seq}\n${body}`).digest('hex');
  return `${seq}\n${body}\n${sum}\n`;
}

async function main() {
  const documents = new DocumentStore(dataDir);
  if (mode === 'start') {
    const removed = await cleanDataDir(dataDir);
    await writeFileAtomic(target, selfChecking(0, 10));
    process.stdout.write(`removed ${removed}\n`);
    return;
  }
  for (let seq = 1; ; seq++) {
    const contents = selfChecking(seq, 1 + Math.floor(Math.random() * 300_000));
    await writeFileAtomic(target, contents);
    await documents.writeRecovery({ name: `save ${seq}`, filePath: target, contents });
    if (seq === 1) process.stdout.write('ready\n');
  }
}

await main();
