import { appVersion } from './services/appInfo';

const argv = process.argv.slice(2);
// The version needs none of the commands, so it loads none of them (and no zod, no schemas).
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) process.stdout.write(`${appVersion}\n`);
else {
  const [{ processIo, endQuietlyWhenReaderCloses }, { runCli }] = await Promise.all([
    import('./cli/io'),
    import('./cli/dispatch'),
  ]);
  endQuietlyWhenReaderCloses();
  process.exitCode = await runCli(argv, processIo);
}
