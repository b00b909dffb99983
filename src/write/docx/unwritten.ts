/** A node the writers were never meant to meet: the template check (parse/template-check.ts) refuses it first. */
export class UnwrittenNode extends Error {
  constructor(type: string) {
    super(`the DOCX writer has no form for a Markdown "${type}" node, which the template check should have refused`);
  }
}
