/** `planhub <command>`: the one entry point (see program.ts for the commands). */
import { ConfigError } from '../config/config.ts';
import { buildProgram } from './program.ts';

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`planhub: ${err.message}`);
    process.exit(2);
  }
  console.error(`planhub: ${(err as Error).message}`);
  process.exit(1);
}
