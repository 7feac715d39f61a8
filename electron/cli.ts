import { processIo } from './cli/io';
import { runCli } from './cli/run';

process.exitCode = await runCli(process.argv.slice(2), processIo);
