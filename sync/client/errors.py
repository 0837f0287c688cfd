"""What can go wrong in a sync, in words a user understands (zh and en), never an HTTP status.

::

    SyncError                 code + message in Chinese and English
    ├── environment           the network, the server, a sign-in: tell the user, try later
    └── Cancelled             the user stopped the sync (resumable)

``retryable`` errors are retried with backoff inside one sync; the others end it at once.
"""

from __future__ import annotations

# code → (Chinese, English, retryable)
MESSAGES: dict[str, tuple[str, str, bool]] = {
    "not_set_up": (
        "尚未设置同步：请先填写服务器地址并登录。",
        "Sync is not set up: enter the server address and sign in first.",
        False,
    ),
    "offline": (
        "无法连接服务器：请检查网络，稍后会重试。",
        "Cannot reach the server: check the network; it will be retried.",
        True,
    ),
    "timeout": (
        "服务器响应超时：网络太慢或中断，稍后会重试。",
        "The server took too long to answer: the link is slow or broken; it will be retried.",
        True,
    ),
    "server_busy": (
        "服务器繁忙或出错，稍后会重试。",
        "The server is busy or had a problem; it will be retried.",
        True,
    ),
    "signed_out": ("登录已失效：请重新登录。", "You are signed out: please sign in again.", False),
    "device_revoked": (
        "此设备已被管理员停用：请联系管理员。",
        "An administrator has revoked this device: contact them.",
        False,
    ),
    "user_disabled": (
        "此账号已被停用：请联系管理员。",
        "This account is disabled: contact an administrator.",
        False,
    ),
    "login_failed": ("用户名或密码不正确。", "Wrong user name or password.", False),
    "login_rate_limited": (
        "登录失败次数过多：请几分钟后再试。",
        "Too many failed sign-ins: wait a few minutes and try again.",
        False,
    ),
    "role_forbidden": (
        "此账号无权同步这类数据。",
        "This account may not sync this kind of data.",
        False,
    ),
    "protocol": (
        "服务器版本与本程序不匹配：请更新程序。",
        "The server and this app do not speak the same version: update the app.",
        False,
    ),
    "bad_address": (
        "服务器地址无效：请检查（例如 https://example.cn:8750）。",
        "The server address is not valid: check it (e.g. https://example.cn:8750).",
        False,
    ),
    "insecure_address": (
        "服务器地址必须以 https:// 开头：http:// 会把口令和数据明文发送（仅本机回环地址除外）。",
        "The server address must start with https://: http:// would send passwords and data in "
        "clear (only a loopback address may use it).",
        False,
    ),
    "bad_ca_file": (
        "无法读取设置中的服务器证书颁发机构（CA）文件：请检查设置。",
        "The server's certificate authority (CA) file in Settings cannot be read: check it.",
        False,
    ),
    "server_refused": (
        "服务器拒收了一批数据：请联系管理员（数据仍保存在本机）。",
        "The server refused a batch: contact an administrator (the data stays on this device).",
        False,
    ),
    "photo_missing_locally": (
        "有照片在本机找不到，无法上传：该记录暂不能完成同步。",
        "A photo cannot be found on this device, so it cannot be uploaded: that record cannot finish syncing.",
        False,
    ),
    "photo_too_large": (
        "有照片超过服务器允许的大小。",
        "A photo is larger than the server accepts.",
        False,
    ),
    "storage": (
        "本机数据文件无法写入：请检查磁盘空间。",
        "The data file on this device cannot be written: check the free disk space.",
        False,
    ),
    "other_user": (
        "此资料档案里还有另一位用户未同步的数据：请先用该账号同步。",
        "This profile holds unsent data of another user: sync as that user first.",
        False,
    ),
    "cancelled": (
        "同步已取消，下次会从中断处继续。",
        "Sync cancelled; the next one resumes where this one stopped.",
        False,
    ),
}


class SyncError(Exception):
    """A sync problem with a stable ``code`` and its message in both languages."""

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in MESSAGES:
            code = "server_busy"
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail

    @property
    def retryable(self) -> bool:
        return MESSAGES[self.code][2]

    def message(self, lang: str = "en") -> str:
        return message(self.code, lang)


class Cancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("cancelled")


def message(code: str, lang: str = "en") -> str:
    zh, en, _ = MESSAGES.get(code, MESSAGES["server_busy"])
    return zh if lang.startswith("zh") else en


# Reasons a single change was refused or held, for the list of issues the user sees.
REASONS: dict[str, tuple[str, str]] = {
    "later_edit_elsewhere": (
        "另一台设备稍后修改了同一记录：已逐字段合并（同一字段以较晚的修改为准）。",
        "Another device changed the same record later: merged field by field (the later edit of a field wins).",
    ),
    "entity_unknown": ("服务器不接收这类数据。", "The server does not take this kind of data."),
    "entity_read_only": (
        "这类数据只能由服务器修改。",
        "Only the server changes this kind of data.",
    ),
    "role_forbidden": (
        "此账号无权修改这类数据。",
        "This account may not change this kind of data.",
    ),
    "area_forbidden": (
        "记录不在此账号负责的区县内。",
        "The record is outside this account's counties.",
    ),
    "not_owner": ("只有记录的作者可以修改它。", "Only the record's author may change it."),
    "record_submitted": (
        "记录已提交，不能再修改（除非被退回）。",
        "The record was submitted and cannot change unless it is returned.",
    ),
    "record_locked": (
        "记录已审核通过或已上报，不能再修改。",
        "The record was approved or escalated and is locked.",
    ),
    "immutable": ("历史记录不能修改。", "History entries cannot change."),
    "parent_unknown": (
        "所属的记录不在服务器上。",
        "The record it belongs to is not on the server.",
    ),
    "row_id_mismatch": ("记录编号不一致。", "The record id does not match."),
    "invalid_row": ("记录内容无效。", "The record is not valid."),
    "not_found": ("服务器上没有这条记录。", "The server does not have this record."),
    "change_id_foreign": (
        "此修改编号属于另一台设备。",
        "This change id belongs to another device.",
    ),
    "photo_missing_locally": (
        "照片文件在本机找不到，未上传；其余已同步，审核人员会看到照片缺失。",
        "Photo file gone from this device, not uploaded; the rest synced, reviewers see it missing.",
    ),
}


def reason_text(reason: str | None, lang: str = "en") -> str:
    if reason is None or reason not in REASONS:
        return "" if reason is None else reason
    zh, en = REASONS[reason]
    return zh if lang.startswith("zh") else en
