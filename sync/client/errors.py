"""What can go wrong in a sync, in words a user understands (zh and en), never an HTTP status.

::

    SyncError                 code + message in Chinese and English
    ├── environment           the network, the server, a sign-in: tell the user, try later
    └── Cancelled             the user stopped the sync (resumable)

A code is either the server's (``sync.protocol.ErrorCode``) or the device's own
(``LocalCode``: the network is down, TLS failed, the profile cannot be written…); a refusal
reason is either the server's (``sync.protocol.Reason``) or the device's (``LocalReason``). No
code is written as a literal anywhere else: a code read from the wire becomes one of these
enums, and one that is in neither is ``LocalCode.UNKNOWN`` (said so, with the code).

``retryable`` errors are retried with backoff inside one sync; the others end it at once.
"""

from __future__ import annotations

import enum

from sync.protocol import ErrorCode, Reason


class LocalCode(enum.StrEnum):
    """Problems the device finds itself; none is a value of ``ErrorCode``."""

    NOT_SET_UP = "not_set_up"
    OFFLINE = "offline"
    TIMEOUT = "timeout"
    SERVER_BUSY = "server_busy"
    SIGNED_OUT = "signed_out"
    PROTOCOL = "protocol"
    BAD_ADDRESS = "bad_address"
    INSECURE_ADDRESS = "insecure_address"
    BAD_CA_FILE = "bad_ca_file"
    SERVER_REFUSED = "server_refused"
    PHOTO_MISSING_LOCALLY = "photo_missing_locally"
    STORAGE = "storage"
    OTHER_USER = "other_user"
    CANCELLED = "cancelled"
    REFUSED = "refused"
    TLS = "tls"
    UNKNOWN = "unknown"


class LocalReason(enum.StrEnum):
    """Why the device itself held or changed a record; none is a value of ``Reason``."""

    LATER_EDIT_ELSEWHERE = "later_edit_elsewhere"
    PHOTO_MISSING_LOCALLY = "photo_missing_locally"


Code = ErrorCode | LocalCode
AnyReason = Reason | LocalReason

# The codes that end a sync for good and make the device forget its token.
SIGNED_OFF: frozenset[Code] = frozenset(
    {LocalCode.SIGNED_OUT, ErrorCode.DEVICE_REVOKED, ErrorCode.USER_DISABLED}
)


def as_code(value: str | None) -> Code | None:
    """A code read from the wire (or stored) as one of the enums; None when it is none of them."""
    if value is None:
        return None
    for kind in (ErrorCode, LocalCode):
        try:
            return kind(value)
        except ValueError:
            continue
    return None


def as_reason(value: str | None) -> AnyReason | None:
    """A refusal reason as one of the enums; None when it is none of them."""
    if value is None:
        return None
    for kind in (Reason, LocalReason):
        try:
            return kind(value)
        except ValueError:
            continue
    return None


# code → (Chinese, English, retryable)
MESSAGES: dict[Code, tuple[str, str, bool]] = {
    LocalCode.NOT_SET_UP: (
        "尚未设置同步：请先填写服务器地址并登录。",
        "Sync is not set up: enter the server address and sign in first.",
        False,
    ),
    LocalCode.OFFLINE: (
        "无法连接服务器：请检查网络，稍后会重试。",
        "Cannot reach the server: check the network; it will be retried.",
        True,
    ),
    LocalCode.TIMEOUT: (
        "服务器响应超时：网络太慢或中断，稍后会重试。",
        "The server took too long to answer: the link is slow or broken; it will be retried.",
        True,
    ),
    LocalCode.SERVER_BUSY: (
        "服务器繁忙或出错，稍后会重试。",
        "The server is busy or had a problem; it will be retried.",
        True,
    ),
    LocalCode.SIGNED_OUT: (
        "登录已失效：请重新登录。",
        "You are signed out: please sign in again.",
        False,
    ),
    ErrorCode.DEVICE_REVOKED: (
        "此设备已被管理员停用：请联系管理员。",
        "An administrator has revoked this device: contact them.",
        False,
    ),
    ErrorCode.USER_DISABLED: (
        "此账号已被停用：请联系管理员。",
        "This account is disabled: contact an administrator.",
        False,
    ),
    ErrorCode.LOGIN_FAILED: ("用户名或密码不正确。", "Wrong user name or password.", False),
    ErrorCode.LOGIN_RATE_LIMITED: (
        "登录失败次数过多：请几分钟后再试。",
        "Too many failed sign-ins: wait a few minutes and try again.",
        False,
    ),
    ErrorCode.ROLE_FORBIDDEN: (
        "此账号无权同步这类数据。",
        "This account may not sync this kind of data.",
        False,
    ),
    LocalCode.PROTOCOL: (
        "服务器版本与本程序不匹配：请更新程序。",
        "The server and this app do not speak the same version: update the app.",
        False,
    ),
    LocalCode.BAD_ADDRESS: (
        "服务器地址无效：请检查（例如 https://example.cn:8750）。",
        "The server address is not valid: check it (e.g. https://example.cn:8750).",
        False,
    ),
    LocalCode.INSECURE_ADDRESS: (
        "服务器地址必须以 https:// 开头：http:// 会把口令和数据明文发送（仅本机回环地址除外）。",
        "The server address must start with https://: http:// would send passwords and data in "
        "clear (only a loopback address may use it).",
        False,
    ),
    LocalCode.BAD_CA_FILE: (
        "无法读取设置中的服务器证书颁发机构（CA）文件：请检查设置。",
        "The server's certificate authority (CA) file in Settings cannot be read: check it.",
        False,
    ),
    LocalCode.SERVER_REFUSED: (
        "服务器拒收了一批数据：请联系管理员（数据仍保存在本机）。",
        "The server refused a batch: contact an administrator (the data stays on this device).",
        False,
    ),
    LocalCode.PHOTO_MISSING_LOCALLY: (
        "有照片在本机找不到，无法上传：该记录暂不能完成同步。",
        "A photo cannot be found on this device, so it cannot be uploaded: that record cannot finish syncing.",
        False,
    ),
    ErrorCode.PHOTO_TOO_LARGE: (
        "有照片超过服务器允许的大小。",
        "A photo is larger than the server accepts.",
        False,
    ),
    LocalCode.STORAGE: (
        "本机数据文件无法写入：请检查磁盘空间。",
        "The data file on this device cannot be written: check the free disk space.",
        False,
    ),
    LocalCode.OTHER_USER: (
        "此资料档案里还有另一位用户未同步的数据：请先用该账号同步。",
        "This profile holds unsent data of another user: sync as that user first.",
        False,
    ),
    LocalCode.CANCELLED: (
        "同步已取消，下次会从中断处继续。",
        "Sync cancelled; the next one resumes where this one stopped.",
        False,
    ),
    LocalCode.REFUSED: (
        "服务器拒收了记录：请在“我的记录”或同步面板中查看原因，修改后重新发送或撤回。",
        "The server refused records: see why in My records or the sync panel, then fix and"
        " send them again, or withdraw them.",
        False,
    ),
    LocalCode.TLS: (
        "无法建立安全连接：服务器证书无效，或该地址不提供 https。请检查地址（含 http:// 或 https://）。",
        "No secure connection: the server's certificate is not valid, or the address does not"
        " serve https. Check the address (with http:// or https://).",
        False,
    ),
    LocalCode.UNKNOWN: (
        "服务器返回了本程序不认识的错误（代码 %1）：请更新程序或联系管理员。数据仍保存在本机。",
        "The server answered with an error this app does not know (code %1): update the app or"
        " contact an administrator. The data stays on this device.",
        False,
    ),
    # Every error code of the protocol (sync.protocol.ErrorCode) the client can receive.
    ErrorCode.MALFORMED_JSON: (
        "服务器无法读取本程序发送的数据：请更新程序或联系管理员（数据仍保存在本机）。",
        "The server could not read what this app sent: update the app or contact an"
        " administrator (the data stays on this device).",
        False,
    ),
    ErrorCode.INVALID_REQUEST: (
        "服务器认为本程序发送的数据格式不对：请更新程序或联系管理员（数据仍保存在本机）。",
        "The server found what this app sent malformed: update the app or contact an"
        " administrator (the data stays on this device).",
        False,
    ),
    ErrorCode.BODY_TOO_LARGE: (
        "一次发送的数据超过服务器允许的大小：请联系管理员。",
        "One request was larger than the server accepts: contact an administrator.",
        False,
    ),
    ErrorCode.NOT_AUTHENTICATED: (
        "登录已失效：请重新登录。",
        "You are signed out: please sign in again.",
        False,
    ),
    ErrorCode.TOKEN_INVALID: (
        "登录已失效：请重新登录。",
        "Your sign-in has expired: please sign in again.",
        False,
    ),
    ErrorCode.NOT_FOUND: (
        "服务器上找不到所请求的内容（可能已被删除，或不在你的区县内）。",
        "The server does not have what was asked for (deleted, or outside your counties).",
        False,
    ),
    ErrorCode.PROTOCOL_UNSUPPORTED: (
        "服务器版本与本程序不匹配：请更新程序。",
        "The server and this app do not speak the same version: update the app.",
        False,
    ),
    ErrorCode.BATCH_ID_REUSED: (
        "服务器已收到过内容不同的同一批数据：请联系管理员（数据仍保存在本机）。",
        "The server already has a different batch with the same id: contact an administrator"
        " (the data stays on this device).",
        False,
    ),
    ErrorCode.BATCH_FOREIGN: (
        "这批数据属于另一台设备：请重新登录后再同步。",
        "This batch belongs to another device: sign in again, then sync.",
        False,
    ),
    ErrorCode.UPLOAD_OFFSET_MISMATCH: (
        "照片上传位置与服务器不一致，将从服务器记录的位置继续。",
        "The photo upload was out of step with the server; it resumes where the server stands.",
        True,
    ),
    ErrorCode.UPLOAD_BUSY: (
        "这张照片正在另一个连接中上传，稍后会重试。",
        "This photo is being uploaded over another connection; it will be retried.",
        True,
    ),
    ErrorCode.PHOTO_HASH_MISMATCH: (
        "照片在上传途中损坏，服务器已丢弃，将重新上传。",
        "A photo was damaged on the way; the server discarded it and it will be uploaded again.",
        True,
    ),
    ErrorCode.RECORD_NOT_SUBMITTED: (
        "记录尚未提交，不能审核。",
        "The record has not been submitted yet, so it cannot be reviewed.",
        False,
    ),
    ErrorCode.NOT_REVIEWABLE: ("这条记录不能审核。", "This record cannot be reviewed.", False),
    ErrorCode.LEAD_FILE_INVALID: (
        "航测线索文件无法读取：请检查文件格式（GeoJSON、KML、KMZ、CSV 或含其一的 zip）。",
        "The aerial-survey lead file cannot be read: check its format (GeoJSON, KML, KMZ, CSV, or "
        "a zip holding one).",
        False,
    ),
    ErrorCode.LEAD_DECIDED: (
        "这条航测线索已经有了核查结论。",
        "This aerial-survey lead already has an outcome.",
        False,
    ),
    ErrorCode.LEAD_EVIDENCE_INVALID: (
        "核查结论所指的排口或记录不存在、不在该线索所在县，或与结论不符。",
        "The outfall or records named by the outcome do not exist, lie in another county, or do "
        "not fit the outcome.",
        False,
    ),
    ErrorCode.PROPOSAL_DECIDED: (
        "这项修改建议已经有人处理过了。",
        "Someone has already decided on this proposed change.",
        False,
    ),
    ErrorCode.PROPOSAL_STALE: (
        "台账在建议提出后已被修改：请刷新后重新决定。",
        "The ledger changed since this was proposed: refresh and decide again.",
        False,
    ),
    ErrorCode.PROPOSAL_STEP_UNEXPLAINED: (
        "此建议会改变排污口状态，但没有对应的状态操作记录：请驳回，状态须按流程逐步推进。",
        "This proposal changes the outfall's state without a recorded lifecycle step: reject "
        "it; the state moves only step by step.",
        False,
    ),
    ErrorCode.PROPOSAL_NOT_MERGEABLE: (
        "只有新发现排口的建议可以合并到已有排口；修改建议请接受或驳回。",
        "Only a proposed new outfall can be merged into an existing one; accept or reject a "
        "correction.",
        False,
    ),
    ErrorCode.PROBLEM_NOT_ESCALATED: (
        "这个问题没有上报，不需要在审核台处理。",
        "This problem was not escalated, so it is not handled at the desk.",
        False,
    ),
    ErrorCode.ALREADY_EXISTS: ("服务器上已有这条内容。", "The server already has this.", False),
    ErrorCode.RECORD_CHANGED: (
        "记录在你打开后被修改过：请刷新后再操作。",
        "The record changed since you opened it: refresh and try again.",
        False,
    ),
    ErrorCode.PHOTOS_MISSING: (
        "记录的照片尚未全部上传：请等照片到齐，或写明原因后再批准。",
        "Not all of the record's photos have arrived: wait for them, or give a reason to approve.",
        False,
    ),
    ErrorCode.RECORD_FLAGGED: (
        "记录有待核实的标记：请逐条查看后再批准。",
        "The record carries flags to check: look at each before approving.",
        False,
    ),
    ErrorCode.NOT_PROVISIONAL: (
        "这个排污口已不是新发现的临时台账。",
        "This outfall is no longer a provisional (newly found) entry.",
        False,
    ),
    ErrorCode.INTERNAL_ERROR: (
        "服务器内部出错：已多次重试仍未成功。请把请求编号告诉管理员（数据仍保存在本机）。",
        "The server had an internal error, and retrying did not help: quote the request id to"
        " an administrator (the data stays on this device).",
        True,
    ),
    ErrorCode.INVALID_CODE: (
        "国家编码不符合编码规则（字符、位数或所属县的行政区划代码前缀）：请核对编码。",
        "The national code breaks the code rule (characters, length or the county's "
        "division-code prefix): check the code.",
        False,
    ),
    ErrorCode.ASSIGNEE_OUTSIDE_AREA: (
        "任务的执行人不是该县（市、区）可接受此类任务的用户，或所选排口不在其辖区内：请重新选择执行人。",
        "An assignee is not a user of the task's county who may take this kind of task, or the "
        "outfalls lie outside their area: pick the assignees again.",
        False,
    ),
    ErrorCode.TASK_CLOSED: (
        "该任务已完成或已撤销，不能再更改。",
        "The task is already done or cancelled: it cannot be changed.",
        False,
    ),
    ErrorCode.COMPLAINT_NOT_VERIFIED: (
        "请先登记核实结论，再答复举报人。",
        "Record what the verification found before answering the complainant.",
        False,
    ),
}


# Refusals the user can act on from the words alone: no request id to quote for them.
SAID_PLAINLY: frozenset[Code] = frozenset(
    {
        ErrorCode.LOGIN_FAILED,
        ErrorCode.LOGIN_RATE_LIMITED,
        LocalCode.SIGNED_OUT,
        ErrorCode.DEVICE_REVOKED,
        ErrorCode.USER_DISABLED,
    }
)


class SyncError(Exception):
    """A sync problem with a stable ``code`` and its message in both languages. A code given as
    text (read from the wire) that is no known code becomes ``LocalCode.UNKNOWN`` with the code
    kept in the detail: reported as unknown, never as "server busy"."""

    def __init__(self, code: Code | str, detail: str = "") -> None:
        known = as_code(code)
        if known is None:
            known, detail = LocalCode.UNKNOWN, str(code) + (f" {detail}" if detail else "")
        super().__init__(f"{known}: {detail}" if detail else str(known))
        self.code: Code = known
        self.detail = detail
        self.request_id = ""  # the server's id of the request, to quote to the bureau

    @property
    def retryable(self) -> bool:
        return MESSAGES[self.code][2]

    def message(self, lang: str = "en") -> str:
        text = message(self.code, lang, self.detail)
        if self.request_id and self.code not in SAID_PLAINLY:
            zh = lang.startswith("zh")
            text += ("（请求编号 %1）" if zh else " (request id %1)").replace("%1", self.request_id)
        return text


class Cancelled(SyncError):
    def __init__(self) -> None:
        super().__init__(LocalCode.CANCELLED)


def message(code: Code | str, lang: str = "en", detail: str = "") -> str:
    """The words for an error code; an unknown code is reported as unknown, with the code."""
    known = as_code(code)
    if known is None:
        known, detail = LocalCode.UNKNOWN, str(code)
    zh, en, _ = MESSAGES[known]
    text = zh if lang.startswith("zh") else en
    return text.replace("%1", (detail.split(" ")[0] or "?") if known == LocalCode.UNKNOWN else "")


# Reasons a single change was refused or held, for the list of issues the user sees.
REASONS: dict[AnyReason, tuple[str, str]] = {
    LocalReason.LATER_EDIT_ELSEWHERE: (
        "另一台设备稍后修改了同一记录：已逐字段合并（同一字段以较晚的修改为准）。",
        "Another device changed the same record later: merged field by field (the later edit of a field wins).",
    ),
    Reason.ENTITY_UNKNOWN: (
        "服务器不接收这类数据。",
        "The server does not take this kind of data.",
    ),
    Reason.ENTITY_READ_ONLY: (
        "这类数据只能由服务器修改。",
        "Only the server changes this kind of data.",
    ),
    Reason.ROLE_FORBIDDEN: (
        "此账号无权修改这类数据。",
        "This account may not change this kind of data.",
    ),
    Reason.AREA_FORBIDDEN: (
        "记录所在区县不在此账号负责的范围内：请检查记录的区县，或请管理员分配该区县。",
        "The record's county is not one of this account's: check the record's county, or ask an"
        " administrator to assign it.",
    ),
    Reason.NOT_OWNER: (
        "服务器认为记录的作者不是当前登录的账号：请用写这条记录的账号登录后重新发送，或撤回它。",
        "The server says the record's author is not the signed-in account: sign in as the"
        " account that wrote it and send it again, or withdraw it.",
    ),
    Reason.RECORD_SUBMITTED: (
        "记录已提交，不能再修改（除非被退回）：请撤回这次修改，或请审核人员退回记录。",
        "The record was submitted and cannot change unless it is returned: withdraw this change,"
        " or ask the reviewer to return the record.",
    ),
    Reason.RECORD_LOCKED: (
        "记录已审核通过或已上报，不能再修改。",
        "The record was approved or escalated and is locked.",
    ),
    Reason.IMMUTABLE: ("历史记录不能修改。", "History entries cannot change."),
    Reason.PARENT_UNKNOWN: (
        "所属的记录还不在服务器上（它被拒收或尚未发送）：先处理那条记录，照片会随它一起重新发送。",
        "The record it belongs to is not on the server yet (refused or not sent): deal with that"
        " record; its photos go again with it.",
    ),
    Reason.ROW_ID_MISMATCH: ("记录编号不一致。", "The record id does not match."),
    Reason.INVALID_ROW: ("记录内容无效。", "The record is not valid."),
    Reason.INVALID_CODE: (
        "国家编码不符合编码规则（字符、位数或所属县的行政区划代码前缀），请核对后重新发送。",
        "The national code breaks the code rule (characters, length or the county's "
        "division-code prefix): check it and send again.",
    ),
    Reason.NOT_FOUND: ("服务器上没有这条记录。", "The server does not have this record."),
    Reason.STEP_UNKNOWN: (
        "服务器不认识这个状态操作。",
        "The server does not know this lifecycle step.",
    ),
    Reason.STEP_NOT_ALLOWED: (
        "排污口当前状态下不能执行此操作（可能已被他人推进），请同步后再试。",
        "This step is not possible from the outfall's current state (someone may have moved it): "
        "sync and try again.",
    ),
    Reason.STEP_UNEXPLAINED: (
        "排污口状态被修改却没有对应的状态操作记录，服务器未接受。",
        "The outfall's state changed without a recorded lifecycle step: the server refused it.",
    ),
    Reason.STEP_ROLE: (
        "您的角色不能执行此状态操作。",
        "Your role may not take this lifecycle step.",
    ),
    Reason.STEP_LEVEL: (
        "此操作须由相应层级的人员执行：县级预销号由本县监管人员，市级销号由市级监管人员。",
        "This step belongs to another level: county pre-closing to a supervisor of the outfall's "
        "county, city closing to a city supervisor.",
    ),
    Reason.STEP_NO_ACCEPTANCE: (
        "缺少近期已审核通过的验收检查，不能执行此操作。",
        "There is no recent approved acceptance inspection: this step cannot be taken yet.",
    ),
    Reason.STEP_CHECKLIST_FAILED: (
        "最近一次已审核的验收检查未通过验收清单（必查项未答或不合格），须重新验收。",
        "The latest approved acceptance inspection fails its checklist (a must-check item "
        "unanswered or failed): a new acceptance inspection is needed.",
    ),
    Reason.STEP_EXCEEDANCE: (
        "验收复测仍有指标超标，须待复测达标后才能执行。",
        "An acceptance re-test is still over its limit: a passing re-test is needed first.",
    ),
    Reason.STEP_NO_COUNTY_STEP: (
        "尚未完成县级预销号，不能市级销号。",
        "The county has not pre-closed this outfall: the city cannot close it yet.",
    ),
    Reason.STEP_NOT_SEALED: (
        "取缔的排污口须有照片证明已封堵且不再排放（已审核的检查）。",
        "A banned outfall needs an approved inspection with photos showing it sealed and dry.",
    ),
    Reason.CHANGE_ID_FOREIGN: (
        "此修改编号属于另一台设备。",
        "This change id belongs to another device.",
    ),
    LocalReason.PHOTO_MISSING_LOCALLY: (
        "照片文件在本机找不到，未上传；其余已同步，审核人员会看到照片缺失。",
        "Photo file gone from this device, not uploaded; the rest synced, reviewers see it missing.",
    ),
}


def reason_text(reason: AnyReason | str | None, lang: str = "en") -> str:
    """Why a change was refused, in words; an unknown reason is reported as unknown."""
    if not reason:
        return ""
    known = as_reason(reason)
    if known is None:
        zh, en = UNKNOWN_REASON
        return (zh if lang.startswith("zh") else en).replace("%1", str(reason))
    zh, en = REASONS[known]
    return zh if lang.startswith("zh") else en


UNKNOWN_REASON = (
    "服务器以本程序不认识的原因拒收（代码 %1）：请更新程序或联系管理员。",
    "The server refused it for a reason this app does not know (code %1): update the app or"
    " contact an administrator.",
)
