import readline from 'node:readline';
import { Writable } from 'node:stream';

/** Ctrl-C at the password prompt: the command stops and changes nothing (exit 130, as after SIGINT). */
export class Cancelled extends Error {}

/**
 * The password: the first line of stdin when piped, else typed at a prompt without echo. On a terminal,
 * readline reads in raw mode (so the terminal echoes nothing) and handles Backspace; what readline
 * itself would echo goes to an output that keeps nothing.
 */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  const nowhere = new Writable({ write: (_chunk, _encoding, done) => done() });
  // Raw mode is on once the interface exists; the prompt comes after, so nothing typed meets an echoing terminal.
  const rl = readline.createInterface({ input: process.stdin, output: nowhere, terminal: true, historySize: 0 });
  process.stdout.write(prompt);
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve('')); // Ctrl-D on an empty line: the end of input, as with an empty pipe
      rl.once('SIGINT', () => reject(new Cancelled('Cancelled; nothing was changed.')));
    });
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}
