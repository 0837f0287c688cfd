<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeskHistoryDialog</name>
    <message>
        <location filename="../../fieldapp/ui/casework/desk_history.py" line="32"/>
        <source>Case history</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/desk_history.py" line="35"/>
        <source>Loading the case history…</source>
        <translation>正在加载案卷…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/desk_history.py" line="38"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/desk_history.py" line="50"/>
        <source>As the server holds it; newest first.</source>
        <translation>服务器所存记录，最新的在前。</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="68"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="68"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="68"/>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="68"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="92"/>
        <source>Open record</source>
        <translation>打开记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/casework/history_view.py" line="128"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="132"/>
        <source>Nothing is recorded for this outfall yet.</source>
        <translation>该排污口尚无任何记录。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="145"/>
        <source>Inspection</source>
        <translation>现场检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="146"/>
        <source>Review decision</source>
        <translation>审核决定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="147"/>
        <source>Lifecycle step</source>
        <translation>生命周期步骤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="148"/>
        <source>Ledger proposal</source>
        <translation>台账修改建议</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="149"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="150"/>
        <source>Aerial-survey lead</source>
        <translation>航测线索</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="151"/>
        <source>Patrol problem</source>
        <translation>巡河问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="152"/>
        <source>Remediation plan</source>
        <translation>整治方案（一口一策）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="159"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="160"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="161"/>
        <source>approved</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="162"/>
        <source>returned for correction</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="163"/>
        <source>awaiting decision</source>
        <translation>待决定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="164"/>
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="165"/>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="166"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="167"/>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="168"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="169"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="170"/>
        <source>not an outfall</source>
        <translation>非排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="171"/>
        <source>duplicate of this outfall</source>
        <translation>与本排污口重复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="172"/>
        <source>handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="174"/>
        <source>plan made</source>
        <translation>制定方案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="175"/>
        <source>plan changed</source>
        <translation>修改方案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="176"/>
        <source>progress note</source>
        <translation>进展记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="177"/>
        <source>milestone met</source>
        <translation>节点完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="178"/>
        <source>plan completed</source>
        <translation>方案完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="206"/>
        <source>No photos with this entry.</source>
        <translation>此条目没有照片。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/casework/history_view.py" line="208"/>
        <source>Photos: %n</source>
        <translation>
            <numerusform>照片：%n 张</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="236"/>
        <location filename="../../fieldapp/ui/casework/history_view.py" line="245"/>
        <source>not available</source>
        <translation>无法显示</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../fieldapp/ui/casework/window.py" line="31"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/window.py" line="35"/>
        <source>What this laptop holds: sync to see the bureau&apos;s latest decisions.</source>
        <translation>本机所存记录；同步后可看到局里的最新决定。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/casework/window.py" line="49"/>
        <source>Case history — %1</source>
        <translation>案卷 — %1</translation>
    </message>
</context>
</TS>
