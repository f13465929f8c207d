import 'reflect-metadata';
import { runCli } from './cli/cli-main';

void runCli(process.argv.slice(2)).then((code) => process.exit(code));
