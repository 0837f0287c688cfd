<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DiscardQuestion</name>
    <message>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="72"/>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="79"/>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="75"/>
        <source>Discard the draft “%1”? Its answers are deleted; the photo files stay.</source>
        <translation>放弃草稿“%1”？其中填写的内容将被删除；照片文件保留。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="81"/>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>MyRecordsWindow</name>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="63"/>
        <source>My records</source>
        <translation>我的记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="88"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="88"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="88"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="88"/>
        <source>Why / what the reviewer said</source>
        <translation>原因 / 审核意见</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="89"/>
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="104"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="105"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="106"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="107"/>
        <source>Discard draft…</source>
        <translation>放弃草稿…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="108"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="140"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="141"/>
        <source>completed, not sent</source>
        <translation>已完成，待发送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="142"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="143"/>
        <source>sent, photos pending</source>
        <translation>已发送，照片待上传</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="144"/>
        <source>on the server</source>
        <translation>已在服务器上</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="145"/>
        <source>reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="146"/>
        <source>returned</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="147"/>
        <source>refused</source>
        <translation>被拒收</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="148"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="149"/>
        <source>proposed, awaiting a supervisor</source>
        <translation>已提出，待主管决定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="150"/>
        <source>proposal accepted</source>
        <translation>建议已接受</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="151"/>
        <source>merged into a registered outfall</source>
        <translation>已合并到已登记排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="152"/>
        <source>proposal rejected</source>
        <translation>建议被驳回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="157"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="158"/>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="159"/>
        <source>Not sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="160"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="161"/>
        <source>Returned</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="162"/>
        <source>Refused</source>
        <translation>被拒收</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="163"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="164"/>
        <source>Ledger proposals</source>
        <translation>台账修改建议</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="178"/>
        <source>%1 (correct by %2)</source>
        <translation>%1（请于 %2 前改正）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="208"/>
        <source>inspection</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="208"/>
        <source>patrol</source>
        <translation>巡河记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="209"/>
        <source>ledger proposal</source>
        <translation>台账修改建议</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="213"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/window.py" line="231"/>
        <source>No records here.</source>
        <translation>这里没有记录。</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="34"/>
        <source>My records</source>
        <translation>我的记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="59"/>
        <source>Unsent: …</source>
        <translation>待发送：…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="62"/>
        <source>Last sync: …</source>
        <translation>上次同步：…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="66"/>
        <source>Unsent: %1</source>
        <translation>待发送：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="67"/>
        <source>Completed records not yet on the server</source>
        <translation>已完成但尚未到达服务器的记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="69"/>
        <source>Refused: %1</source>
        <translation>被拒收：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="73"/>
        <source>The server refused these records: open them to fix and send again, or withdraw</source>
        <translation>服务器拒收了这些记录：打开修改后重新发送，或撤回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="77"/>
        <source>Returned: %1</source>
        <translation>被退回：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="79"/>
        <source> (due %1)</source>
        <translation>（期限 %1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="84"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="86"/>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="88"/>
        <source> · not signed in</source>
        <translation> · 未登录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="90"/>
        <source> · last try failed</source>
        <translation> · 上次同步失败</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="93"/>
        <source>Open the sync panel</source>
        <translation>打开同步面板</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/strip.py" line="101"/>
        <source>%1 (%2 earlier entries now under this account)</source>
        <translation>%1（此前的 %2 条内容已归入此账号）</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="27"/>
        <source>Withdraw a refused record</source>
        <translation>撤回被拒收的记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="30"/>
        <source>“%1” will no longer be sent. It stays on this laptop, marked withdrawn, and your reason is kept with it.</source>
        <translation>“%1”将不再发送。它仍保存在本机，标记为已撤回，并附上你填写的原因。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="35"/>
        <source>The server refused it: %1</source>
        <translation>服务器拒收原因：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="38"/>
        <source>Why is it withdrawn? (required)</source>
        <translation>撤回原因（必填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="43"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="44"/>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/records/dialogs.py" line="57"/>
        <source>Write why it is withdrawn.</source>
        <translation>请填写撤回原因。</translation>
    </message>
</context>
</TS>
