/**
 * A custom template's own text is text. Its Markdown goes through remark-directive, where `:word` starts
 * a text directive: plain words such as `Giờ họp :sáng thứ hai` would become a directive no writer knows.
 * Layout directives stand on their own lines (`:::name`, `::name`); every other colon that could open a
 * text directive is escaped (`\:` is Markdown for a literal colon), in the template's text only — the
 * data arrives through {{…}} and is escaped by the view.
 */
import type {} from "handlebars";

/** A colon that could open a text directive: not part of `::`, not already escaped, before a letter. */
const TEXT_DIRECTIVE = /(^|[^:\\]):(?=[A-Za-z])/g;

function escapeLine(line: string): string {
  return /^\s*::/.test(line) ? line : line.replace(TEXT_DIRECTIVE, "$1\\:");
}

/** Escapes the template's text statements in place; returns the same tree. */
export function literalText(program: hbs.AST.Program): hbs.AST.Program {
  const walk = (body: hbs.AST.Statement[]) => {
    body.forEach((node, i) => {
      if (node.type === "ContentStatement") {
        const content = node as hbs.AST.ContentStatement;
        let value = content.value.split("\n").map(escapeLine).join("\n");
        // A colon just before {{…}}: the value printed there could start with a letter.
        const next = body[i + 1];
        if (next && next.type !== "ContentStatement" && /(^|[^:\\]):$/.test(value) && !/(^|\n)\s*::[^\n]*$/.test(value)) value = `${value.slice(0, -1)}\\:`;
        content.value = value;
      }
      const block = node as Partial<hbs.AST.BlockStatement>;
      if (block.program) walk(block.program.body);
      if (block.inverse) walk(block.inverse.body);
    });
  };
  walk(program.body);
  return program;
}
