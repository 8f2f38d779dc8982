"""System errors (OSError) told in Chinese.

Python's `strerror` is English ("Read-only file system") or, on Windows, in the system's language: a
科员 must understand why a file could not be read or written, so every message of the program builds
its reason here, from the error number, and never shows `strerror`.
"""

from __future__ import annotations

import errno

# Windows error codes that Python folds into a less telling errno (both become EACCES).
_WINERROR = {
    32: "文件被占用（正在其他程序中打开）",  # ERROR_SHARING_VIOLATION
    33: "文件被占用（其中一部分被其他程序锁定）",  # ERROR_LOCK_VIOLATION
}

_BY_NAME = {
    "EROFS": "只读文件系统（该磁盘或文件夹只允许读取）",
    "ENOSPC": "磁盘空间不足",
    "EACCES": "没有权限",
    "EPERM": "没有权限（操作不被允许）",
    "ENOENT": "文件或文件夹不存在",
    "EISDIR": "这是一个文件夹，不是文件",
    "ENOTDIR": "路径中有一级不是文件夹，而是文件",
    "ENAMETOOLONG": "文件名过长",
    "EDQUOT": "超出了磁盘配额",
    "EMFILE": "打开的文件过多",
    "ENFILE": "系统打开的文件过多",
    "EBUSY": "文件被占用",
    "ETXTBSY": "文件被占用",
    "EXDEV": "不能跨磁盘移动文件",
    "EEXIST": "同名的文件已存在",
    "EIO": "磁盘读写出错（磁盘、U 盘或网络连接可能有问题）",
    "ELOOP": "快捷方式（符号链接）循环指向自己",
    "EINVAL": "文件名或参数无效（文件名中可能有不允许的字符）",
    "EFBIG": "文件过大",
    "ENXIO": "设备不存在或未就绪",
    "ENODEV": "设备不存在",
    "ESTALE": "网络文件已失效，请重新打开所在文件夹",
    "ETIMEDOUT": "网络连接超时",
    "EHOSTUNREACH": "无法连接网络上的计算机",
    "ENETUNREACH": "网络不可达",
    "ECONNRESET": "网络连接被中断",
    "EAGAIN": "资源暂时不可用，请稍后重试",
    "ENOTEMPTY": "文件夹不是空的",
    "ENOMEM": "内存不足",
    "EINTR": "操作被中断，请重试",
}
_BY_NUMBER = {getattr(errno, name): text for name, text in _BY_NAME.items() if hasattr(errno, name)}


def os_error_reason(exc: OSError) -> str:
    """The reason for `exc` as a short Chinese phrase without final punctuation, e.g. “磁盘空间不足”.

    Unknown errors still say something a user can pass on to support: the error number.
    """
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINERROR:
        return _WINERROR[winerror]
    if exc.errno in _BY_NUMBER:
        return _BY_NUMBER[exc.errno]
    if isinstance(exc, TimeoutError):
        return "操作超时"
    if exc.errno is not None:
        return f"系统错误（错误代码 {exc.errno}）"
    return "未知的系统错误"
