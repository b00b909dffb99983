import { stripControls } from "./io/terminal.js";

/**
 * Every message a clerk reads carries a stable code, a severity and the place in the data it is about. A
 * "note" is a draft's blank under `check --draft`: a place still to fill, not an error.
 */
export type Severity = "error" | "warning" | "note";

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
  /** The data path a rule found the problem at; not printed (drafts' blanks silence rules under them). */
  dataPath?: ReadonlyArray<string | number>;
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

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    // Code-point order, not localeCompare: the same on every machine, and no collator to load.
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.col - b.col || cmp(a.code, b.code),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function formatDiagnostic(d: Diagnostic): string {
  const label = d.severity === "error" ? "lỗi" : d.severity === "note" ? "cần điền" : "cảnh báo";
  // File names and messages quote data: no control character of theirs reaches the terminal.
  return `${stripControls(d.file)}:${d.line}:${d.col}: ${label} ${d.code}: ${stripControls(d.message)}`;
}

/** Every stable code, with what it means; docs/codes.md lists the same table. */
export const CODES: ReadonlyMap<string, string> = new Map([
  ["DV001", "lỗi cách dùng lệnh"],
  ["DV002", "không tìm thấy thư mục dữ liệu"],
  ["DV003", "năm hoặc kỳ không hợp lệ, không ứng với loại báo cáo nào (năm tạo mới từ 1945 đến 2200)"],
  ["DV004", "không có dữ liệu của năm hoặc kỳ"],
  ["DV005", "thư mục kết quả là một tệp"],
  ["DV006", "không ghi được thư mục kết quả"],
  ["DV007", "thiếu LibreOffice để xuất PDF"],
  ["DV008", "định dạng không được hỗ trợ"],
  ["DV009", "không tìm thấy thư mục mẫu"],
  ["DV010", "năm hoặc kỳ đã tồn tại (danvan new không ghi đè)"],
  ["DV011", "năm làm gốc có lỗi đọc tệp"],
  ["DV012", "lỗi của máy hoặc hệ thống tệp (quyền, ổ đầy, đường dẫn): tên đường dẫn và lý do"],
  ["DV013", "tên tệp kết quả quá dài"],
  ["DV014", "ở chỗ tệp kết quả đã có một thư mục hoặc thứ không phải tệp"],
  ["DV015", "thư mục kết quả nằm trong thư mục dữ liệu"],
  ["DV016", "fmt không ghi: bản định dạng đọc lại không cho cùng giá trị"],
  ["DV017", "LibreOffice không xuất được PDF"],
  ["DV018", "thư mục dữ liệu chưa có năm hay kỳ báo cáo nào"],
  ["DV019", "thư mục dữ liệu lệch một cấp: đang ở trong thư mục dữ liệu (hay một năm), hoặc ở thư mục bên trên dự án"],
  ["DV020", "init trong thư mục dữ liệu: sẽ tạo thư mục dữ liệu lồng bên trong"],
  ["DV021", "thư mục dữ liệu lồng trong thư mục dữ liệu (data/data/…)"],
  ["DV030", "diff: --out chỉ dùng với --format docx"],
  ["DV100", "thiếu tệp dữ liệu bắt buộc"],
  ["DV101", "YAML không hợp lệ"],
  ["DV102", "khóa YAML bị lặp"],
  ["DV103", "khóa dành riêng của JavaScript (__proto__, constructor, prototype)"],
  ["DV104", "tệp không phải UTF-8"],
  ["DV105", "tệp quá lớn"],
  ["DV106", "tệp lạ trong thư mục năm"],
  ["DV107", "dữ liệu lồng quá sâu"],
  ["DV108", "bí danh (alias) YAML không hợp lệ hoặc quá nhiều"],
  ["DV109", "tệp rỗng"],
  ["DV110", "tệp có dấu BOM"],
  ["DV111", "dòng quá dài"],
  ["DV112", "không phải tệp thường (thư mục, pipe, thiết bị)"],
  ["DV113", "liên kết trỏ ra ngoài thư mục dữ liệu"],
  ["DV114", "liên kết hỏng hoặc lặp vòng"],
  ["DV115", "thụt lề sai: thừa hoặc thiếu dấu cách so với các khóa cùng cấp"],
  ["DV116", "thụt lề bằng phím Tab (YAML chỉ nhận dấu cách)"],
  ["DV117", "số ký hiệu viết cả chữ \"Số\" (báo cáo tự in chữ số)"],
  ["DV118", "ngày viết kiểu trên giấy (25/11/2022): ghi \"2022-11-25\""],
  ["DV119", "câu có dấu hai chấm và dấu cách không đặt trong ngoặc kép: YAML đọc thành khóa"],
  ["DV120", "chữ viết giống một hàm nhưng thiếu dấu ngoặc nhọn ({n \"id\"}, {n \"id\"}})"],
  ["DV121", "hàm dùng ngoặc kép cong “ ” ‘ ’ hoặc ngoặc đơn"],
  ["DV201", "thiếu khóa bắt buộc"],
  ["DV202", "khóa không có trong lược đồ"],
  ["DV203", "sai kiểu giá trị"],
  ["DV204", "giá trị không nằm trong danh sách cho phép"],
  ["DV205", "giá trị không đúng dạng"],
  ["DV206", "giá trị không hợp lệ"],
  ["DV301", "không dựng được đoạn văn"],
  ["DV310", "cú pháp {{…}} không hợp lệ trong đoạn văn"],
  ["DV311", "hàm không tồn tại trong đoạn văn"],
  ["DV312", "chú thích không tồn tại"],
  ["DV313", "số liệu không tồn tại"],
  ["DV314", "văn bản không có trong danh mục"],
  ["DV315", "đường dẫn số liệu không hợp lệ"],
  ["DV316", "hàm không có tùy chọn này"],
  ["DV317", "tùy chọn của hàm nhận giá trị không hợp lệ"],
  ["DV318", "ký tự mà XML không cho phép (U+FFFE, U+FFFF, nửa cặp thay thế)"],
  ["DV321", "chú thích không được trích dẫn"],
  ["DV322", "số liệu không được trích dẫn"],
  ["DV323", "tiêu đề phụ lục viết hoa ở thể thức nhà nước (viết: Phụ lục)"],
  ["DV331", "mã bị dùng hai lần"],
  ["DV332", "mã văn bản bị trùng"],
  ["DV333", "số ký hiệu văn bản bị trùng"],
  ["DV334", "số ký hiệu không khớp thể loại hoặc cơ quan ban hành"],
  ["DV335", "văn bản trong danh mục không có ngày ban hành (ô ngày của phụ lục để trống)"],
  ["DV336", "trích dẫn kèm ngày một văn bản không có ngày ban hành"],
  ["DV337", "report.yaml có appendix nhưng năm không có documents.yaml (không in phụ lục)"],
  ["DV341", "tổng ghi không khớp các thành phần"],
  ["DV342", "tỷ lệ ghi không khớp hai số đếm"],
  ["DV343", "phần lớn hơn tổng"],
  ["DV344", "kỳ (năm, quý, tháng, nửa năm) của chuỗi số liệu ngoài giai đoạn báo cáo"],
  ["DV351", "ngày không có thật"],
  ["DV352", "ngày sau ngày của báo cáo"],
  ["DV361", "văn bản chưa ở dạng NFC"],
  ["DV362", "dấu thanh đặt sai chỗ hoặc bị tách"],
  ["DV363", "dấu cách trước dấu câu"],
  ["DV364", "hai dấu cách liền nhau"],
  ["DV370", "số viết có dấu chấm/phẩy phân cách (16.000, 1,611) hoặc số thập phân ở chỗ cần số nguyên"],
  ["DV371", "số hoặc tổng vượt quá giới hạn số nguyên chính xác (2^53 - 1)"],
  ["DV372", "số có nhiều chữ số thập phân hơn khai báo (decimals)"],
  ["DV373", "số liệu tham chiếu vòng tròn"],
  ["DV374", "tỷ lệ có mẫu số bằng 0"],
  ["DV375", "hàm {{…}} ở trường được in nguyên văn (tiêu đề, thông tin báo cáo, danh mục)"],
  ["DV376", "chú thích trích dẫn chú thích khác"],
  ["DV377", "ký tự điều khiển, Tab, CR, U+2028/U+2029 trong văn bản"],
  ["DV378", "khoảng trắng ở đầu hoặc cuối văn bản"],
  ["DV379", "mục cấp 2 đứng trước mọi mục cấp 1"],
  ["DV380", "năm của thư mục không khớp giai đoạn hoặc ngày của báo cáo"],
  ["DV390", "máy thiếu phông chữ của thể thức (PDF sẽ khác DOCX)"],
  ["DV401", "lỗi trong mẫu (template)"],
  ["DV402", "mẫu có ký tự mà XML không cho phép"],
  ["DV403", "mẫu viết khối Markdown mà DOCX không in được (HTML, hình ảnh, chỉ thị ::tên, bảng trong chú thích)"],
  ["DV500", "số liệu chưa điền (năm nháp)"],
  ["DV501", "văn bản trong danh mục chưa điền (năm nháp)"],
  ["DV502", "số hoặc ngày của báo cáo chưa điền (năm nháp)"],
  ["DV503", "văn bản còn ghi kỳ của báo cáo trước (giai đoạn, năm, 6 tháng, quý, tháng)"],
  ["DV520", "bản cài đặt không có năm mẫu"],
  ["DV600", "không đọc được tệp cần nhập"],
  ["DV601", "tệp cần nhập không phải DOCX"],
  ["DV602", "tệp DOCX được đặt mật khẩu (mã hóa) hoặc là tệp .doc cũ"],
  ["DV603", "tệp DOCX bị hỏng"],
  ["DV604", "tệp DOCX quá lớn hoặc nghi là zip bomb"],
  ["DV605", "không nhận ra phần đầu văn bản (số, ngày, tên loại)"],
  ["DV606", "năm đã tồn tại (danvan import không ghi đè)"],
  ["DV607", "nội dung không xếp được đúng chỗ khi nhập: đưa vào mục gần nhất"],
  ["DV608", "chữ tiếng Việt đã sửa khi nhập (NFC, dấu thanh)"],
  ["DV609", "tệp DOCX thiếu phụ lục danh mục văn bản hoặc phần chữ ký"],
  ["DV610", "không ghi được năm nhập vào thư mục dữ liệu"],
  ["DV740", "số liệu thu từ đơn vị nhưng chưa có data/units.yaml hợp lệ"],
  ["DV741", "nhóm đơn vị không có trong data/units.yaml"],
  ["DV742", "số gõ tay vào số liệu thu từ đơn vị (from: units)"],
  ["DV744", "đơn vị chưa gửi số liệu của kỳ"],
  ["DV745", "đơn vị để trống một ô số liệu"],
  ["DV746", "tệp số liệu của đơn vị thiếu một số liệu"],
  ["DV747", "tệp số liệu của đơn vị ghi nhầm đơn vị hoặc kỳ"],
  ["DV748", "đơn vị gửi số liệu ngoài các năm của mình (from/to)"],
  ["DV749", "số liệu đơn vị gửi không còn được thu, không được cộng"],
  ["DV750", "số liệu của đơn vị khác xa kỳ trước"],
  ["DV751", "tổng số liệu của các đơn vị vượt 2^53 - 1"],
  ["DV752", "số liệu của đơn vị có phần thập phân không được phép"],
  ["DV753", "data/units.yaml: mã trùng, nhóm không có, năm kết thúc trước năm bắt đầu"],
  ["DV754", "bảng theo đơn vị: không có số liệu này"],
  ["DV755", "bảng theo đơn vị: số liệu không thu từ các đơn vị, hoặc chưa có data/units.yaml hợp lệ"],
  ["DV756", "bảng theo đơn vị: nhóm không có trong data/units.yaml, hoặc số liệu không thu từ nhóm đó"],
  ["DV757", "bảng theo đơn vị: số liệu của bảng dựa vào số liệu không thu từ các đơn vị (hoặc từ nhóm của bảng)"],
  ["DV760", "không đọc được tệp Excel cần nhập"],
  ["DV761", "tệp cần nhập không phải tệp Excel .xlsx"],
  ["DV762", "tệp Excel đặt mật khẩu (mã hóa) hoặc tệp .xls cũ"],
  ["DV763", "tệp Excel có macro (.xlsm)"],
  ["DV764", "tệp Excel bị hỏng"],
  ["DV765", "tệp Excel quá lớn hoặc nghi là zip bomb"],
  ["DV766", "tệp Excel không phải mẫu của danvan"],
  ["DV767", "ô số liệu không đọc được thành số"],
  ["DV768", "số gõ dạng chữ, đã đọc theo cách viết Việt Nam"],
  ["DV769", "công thức không có kết quả đã lưu, hoặc cho kết quả lỗi"],
  ["DV770", "số âm, hoặc có phần thập phân không được phép"],
  ["DV771", "dòng trong tệp Excel không còn được thu: bỏ qua"],
  ["DV772", "dòng số liệu bị chép trong tệp Excel"],
  ["DV773", "dòng số liệu bị xóa khỏi tệp Excel"],
  ["DV774", "ô khóa hoặc ô ẩn của mẫu đã bị sửa"],
  ["DV775", "trang tính của mẫu đã đổi tên"],
  ["DV776", "nhiều tệp Excel cho cùng một đơn vị"],
  ["DV777", "tệp Excel mang tên đơn vị này nhưng là mẫu của đơn vị khác"],
  ["DV778", "mẫu Excel của kỳ khác"],
  ["DV779", "mẫu Excel của phiên bản mẫu khác"],
  ["DV780", "mẫu Excel của đơn vị không có trong data/units.yaml, hoặc ngoài các năm của đơn vị"],
  ["DV781", "chưa có data/units.yaml hoặc năm không có số liệu thu từ đơn vị"],
  ["DV782", "số trong ô Excel vượt 2^53 - 1"],
  ["DV783", "tệp Excel có nhiều trang tính của mẫu"],
  ["DV800", "loại báo cáo (period.kind) không khớp tên thư mục của kỳ"],
  ["DV801", "hai thư mục cho một kỳ, hoặc một kỳ ở nhiều chuỗi báo cáo (cần ghi rõ chuỗi)"],
  ["DV802", "khung thời gian số liệu bắt đầu sau khi kết thúc"],
  ["DV803", "khung thời gian số liệu không phải của kỳ báo cáo, hoặc báo cáo ký trước khi khung bắt đầu"],
  ["DV804", "văn bản trong danh mục đề ngày ngoài khung thời gian số liệu"],
  ["DV805", "kỳ của chuỗi số liệu ngoài khung thời gian số liệu"],
  ["DV806", "new: chưa có kỳ cùng loại để làm gốc (tạo từ kỳ khác loại cần --from)"],
  ["DV807", "period= không phải một kỳ"],
  ["DV808", "period= trích kỳ chưa có thư mục trong chuỗi báo cáo"],
  ["DV809", "kỳ được trích (period=, cùng kỳ năm trước) có lỗi dữ liệu"],
  ["DV810", "dòng của bảng chỉ tiêu không có tên (label)"],
  ["DV811", "bảng chỉ tiêu không có số liệu cùng kỳ năm trước (không có thư mục, không ghi previous)"],
  ["DV812", "previous ghi khác số liệu của kỳ cùng kỳ năm trước"],
  ["DV813", "cùng kỳ năm trước bằng 0: không so sánh được theo phần trăm (in —)"],
  ["DV814", "số liệu cùng kỳ năm trước còn trống (kỳ đó là bản nháp)"],
  ["DV815", "{{window}} trong báo cáo không có khung thời gian số liệu"],
  ["DV816", "chỉ tiêu là tỷ lệ ở kỳ này nhưng là số đếm ở cùng kỳ năm trước (hoặc ngược lại)"],
]);
