// The command line run inside the test process: `main` with its arguments, and
// what it printed to standard output and standard error, as a spawned run gives
// them. Each spawned `tsx src/cli/main.ts` compiled the engine anew (about 2 s of
// CPU, up to 35 s on a loaded machine); one test in main.test.ts still starts the
// real command, so the entry point itself stays covered.
import { format } from 'node:util';
import { vi } from 'vitest';
import { main } from '../../src/cli/main';

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (stdout += format(...a) + '\n')),
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (stderr += format(...a) + '\n')),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)),
  ];
  // As in a pipe: the plain, synchronous run, without the terminal's progress line.
  const before = process.env.SIM_NO_PROGRESS;
  process.env.SIM_NO_PROGRESS = '1';
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    for (const s of spies) s.mockRestore();
    if (before === undefined) delete process.env.SIM_NO_PROGRESS;
    else process.env.SIM_NO_PROGRESS = before;
  }
}
