// The step log is also a command channel: the runner treats a stdout line that starts with `::` as a workflow
// command (`::set-output`, `::add-mask::`, `::stop-commands::`...). @actions/core escapes warnings and errors onto
// one line, but core.info writes its text as it is, and sweepgate's info lines can quote what the PR controls (the
// sweep's name, a wandb call a program made). So every line of an info message is made inert before it is written.

/** `message` with each line that the runner would read as a command broken by a zero-width space after its first colon. */
export function inertLines(message: string): string {
  return message.replace(/^(\s*):(?=:)/gm, '$1:\u200b');
}
