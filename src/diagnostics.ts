/** Every message a clerk reads carries a stable code, a severity and the place in the data it is about. */
export type Severity = "error" | "warning";

export interface Position {
  line: number;
  col: number;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  /** Path as the user would type it, relative to the working directory where possible. */
  file: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
  message: string;
}

/** The single exit-code table: the CLI maps outcomes through it and nowhere else. */
export const ExitCode = {
  ok: 0,
  dataProblems: 1,
  usage: 2,
  internal: 70,
} as const;

/** Raised for problems the user can fix by changing arguments or the machine (exit 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code = "DV001",
  ) {
    super(message);
  }
}

/** Raised when data problems stop a pipeline; carries every diagnostic found so far. */
export class DataError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.length} data problem(s)`);
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code),
  );
}

export function formatDiagnostic(d: Diagnostic): string {
  const label = d.severity === "error" ? "lỗi" : "cảnh báo";
  return `${d.file}:${d.line}:${d.col}: ${label} ${d.code}: ${d.message}`;
}
