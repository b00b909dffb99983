/**
 * The command a hint tells the clerk to type, as they ran danvan: `npx danvan check 2022` for a copy installed
 * in a project, `danvan check 2022` for a global one. The CLI sets the name once per run (io/invocation.ts
 * finds it); every message that names a command to run builds it here, so no hint names one that is not there.
 */
let name = "danvan";

export function setCommandName(value: string): void {
  name = value;
}

export function commandName(): string {
  return name;
}

/** `command("check 2022")` → `npx danvan check 2022` when run through npx. */
export function command(args = ""): string {
  return args ? `${name} ${args}` : name;
}
