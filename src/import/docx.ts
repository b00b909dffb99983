/**
 * A DOCX file as a reader sees it: the package read with its bounds (package.ts), each part parsed
 * strictly (xml.ts), the document model built (document.ts). The one entry point for any command that
 * reads a Word file; a file that cannot be read is a UsageError with its code (DV600–DV604).
 */
import { UsageError } from "../diagnostics.js";
import { readDocument, type DocModel } from "./document.js";
import { readPackage, type Parts } from "./package.js";
import { parseXml, XmlError, type XmlElement } from "./xml.js";

export function readDocx(file: string): DocModel {
  return modelOf(file, readPackage(file));
}

/** The model of a package already read (tests, and commands that hold the bytes). */
export function modelOf(file: string, parts: Parts): DocModel {
  const xml = (name: string): XmlElement | undefined => {
    const text = parts.get(name);
    if (text === undefined) return undefined;
    try {
      return parseXml(text);
    } catch (err) {
      if (!(err instanceof XmlError)) throw err;
      const where = err.line === undefined ? "" : ` ở dòng ${err.line}, cột ${err.column} (${name}:${err.line}:${err.column})`;
      throw new UsageError(
        `tệp DOCX "${file}" bị hỏng: phần ${name} không phải XML hợp lệ${where}: ${err.reason}. Hãy mở tệp bằng Word hoặc LibreOffice (Word sẽ đề nghị sửa), lưu lại dạng .docx rồi nhập lại`,
        "DV603",
      );
    }
  };
  return readDocument({
    document: xml("word/document.xml")!,
    styles: xml("word/styles.xml"),
    numbering: xml("word/numbering.xml"),
    footnotes: xml("word/footnotes.xml"),
    endnotes: xml("word/endnotes.xml"),
    comments: xml("word/comments.xml"),
    commentsExtended: xml("word/commentsExtended.xml"),
    custom: xml("docProps/custom.xml"),
  });
}
