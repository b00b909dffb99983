/**
 * Failures the machine or the user causes (permissions, space, names, paths) are not bugs: they exit 2 with
 * the path and the reason in Vietnamese. Node reports them as errors with an errno `code`; this is the one
 * place that maps them.
 */
import { UsageError } from "../diagnostics.js";

const REASONS: Record<string, string> = {
  EACCES: "không có quyền truy cập",
  EPERM: "hệ thống không cho phép thao tác này",
  EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc",
  ENOSPC: "ổ đĩa đã đầy",
  EDQUOT: "đã hết hạn mức dung lượng của người dùng",
  EFBIG: "tệp quá lớn đối với hệ thống tệp",
  ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
  EISDIR: "đây là một thư mục, không phải tệp",
  ENOTDIR: "một phần của đường dẫn không phải thư mục",
  ENOENT: "không tồn tại (có thể đã bị xóa trong khi chạy)",
  EEXIST: "đã tồn tại",
  ENOTEMPTY: "thư mục không rỗng",
  ELOOP: "liên kết tượng trưng (symlink) lặp vòng",
  EBUSY: "đang bị chương trình khác sử dụng",
  ETXTBSY: "đang bị chương trình khác sử dụng",
  EMFILE: "mở quá nhiều tệp cùng lúc",
  ENFILE: "hệ thống mở quá nhiều tệp cùng lúc",
  EIO: "lỗi đọc/ghi của thiết bị",
  EXDEV: "không thể chuyển tệp giữa hai ổ đĩa",
  EINVAL: "đường dẫn không hợp lệ ở vị trí này",
  ENXIO: "không phải tệp thường (thiết bị hoặc pipe)",
  EAGAIN: "tệp tạm thời không đọc được (pipe hoặc thiết bị)",
};

/** The errno code of a Node file-system error, if it is one this module knows. */
export function fsErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && Object.hasOwn(REASONS, code) ? code : undefined;
}

export function fsReason(code: string): string {
  return Object.hasOwn(REASONS, code) ? REASONS[code] : code;
}

/**
 * A file-system error as an exit-2 error naming the path and the reason, or undefined when `err` is not
 * one (then it is a bug, exit 70). `doing` says what was attempted ("ghi", "đọc", "tạo thư mục").
 */
export function environmentError(err: unknown, doing?: string, file?: string): UsageError | undefined {
  if (err instanceof UsageError) return err;
  const code = fsErrorCode(err);
  if (!code) return undefined;
  const e = err as { path?: string; dest?: string; syscall?: string };
  const where = file ?? e.dest ?? e.path;
  const verb = doing ?? VERBS[e.syscall ?? ""] ?? "truy cập";
  return new UsageError(`không ${verb} được ${where ? `"${where}"` : "tệp"}: ${REASONS[code]} (${code})`, "DV012");
}

const VERBS: Record<string, string> = {
  open: "mở",
  read: "đọc",
  write: "ghi",
  rename: "đổi tên",
  mkdir: "tạo thư mục",
  mkdtemp: "tạo thư mục tạm",
  unlink: "xóa",
  rmdir: "xóa",
  scandir: "đọc thư mục",
  stat: "truy cập",
  lstat: "truy cập",
  chmod: "đổi quyền",
  fsync: "ghi",
  copyfile: "chép",
};
