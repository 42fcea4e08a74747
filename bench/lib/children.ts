/**
 * Every child process the benchmark starts is registered here and ended when the runner
 * exits, is interrupted (Ctrl-C) or fails, so no server is left running.
 */
import type { ChildProcess } from 'child_process';

const children = new Set<ChildProcess>();
let installed = false;

function killAll(signal: NodeJS.Signals): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping child processes\n`);
      killAll('SIGTERM');
      setTimeout(() => process.exit(130), 3000).unref();
      setTimeout(() => killAll('SIGKILL'), 2500).unref();
    });
  }
}

export function trackChild(child: ChildProcess): void {
  install();
  children.add(child);
  child.once('exit', () => children.delete(child));
}
