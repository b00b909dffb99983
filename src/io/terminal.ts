/**
 * Text from data or files reaches the terminal without control characters: a file must not be able to
 * clear the screen, move the cursor or reorder what is shown (bidirectional overrides) to fake a summary.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control characters, keeping tabs and line breaks. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, "");
}

/** A line for the terminal: colour codes (SGR, `ESC[…m`, what chalk writes) pass; every other control goes. */
export function terminalSafe(line: string): string {
  return line.replace(/\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (m) => (m.length > 1 ? m : ""));
}
