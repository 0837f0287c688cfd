<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptOutfallDialog</name>
    <message>
        <location filename="../../fieldapp/ui/review/dialogs.py" line="100"/>
        <source>Accept into the ledger</source>
        <translation>纳入台账</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/dialogs.py" line="101"/>
        <source>The newly found outfall enters the ledger with its real code.</source>
        <translation>新发现的排污口以正式编码纳入台账。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/dialogs.py" line="109"/>
        <source>National code</source>
        <translation>国家编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/dialogs.py" line="110"/>
        <source>Local code</source>
        <translation>地方编码</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="55"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="55"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="55"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="55"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="56"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="56"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="76"/>
        <source>Received %1</source>
        <translation>接收于 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="77"/>
        <source>Inspector %1 on device %2</source>
        <translation>检查人员 %1，设备 %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="80"/>
        <source>County: %1</source>
        <translation>县区：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="81"/>
        <source>%1 records; photos arrived %2 of %3</source>
        <translation>%1 条记录；照片已到达 %2 / %3</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="127"/>
        <source>%1 patrols</source>
        <translation>巡河 %1 次</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="135"/>
        <source>%1 pending</source>
        <translation>待审 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="135"/>
        <source>Done</source>
        <translation>已审完</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="136"/>
        <source>⚠ %1 escalations overdue</source>
        <translation>⚠ 上报逾期 %1 个</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="56"/>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/batches.py" line="56"/>
        <source>Review</source>
        <translation>审核状态</translation>
    </message>
</context>
<context>
    <name>MergeOutfallDialog</name>
    <message>
        <location filename="../../fieldapp/ui/review/dialogs.py" line="123"/>
        <source>Merge with an existing outfall</source>
        <translation>与已有排污口合并</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/dialogs.py" line="125"/>
        <source>The newly found outfall is the same as a registered one: it leaves the active ledger and its history points to the one chosen.</source>
        <translation>新发现的排污口与已登记排污口为同一个：它将退出在用台账，其历史指向所选排污口。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/dialogs.py" line="134"/>
        <source>Same as</source>
        <translation>同一排污口</translation>
    </message>
</context>
<context>
    <name>PatrolsPane</name>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="70"/>
        <source>All patrols</source>
        <translation>全部巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="88"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="88"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="88"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="88"/>
        <source>On the spot</source>
        <translation>现场处置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="89"/>
        <source>Escalation</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="89"/>
        <source>Handled</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="101"/>
        <source>How the escalated problem was handled</source>
        <translation>上报问题的处理情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="105"/>
        <source>Mark handled</source>
        <translation>标记已处理</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="112"/>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="112"/>
        <source>escalation overdue</source>
        <translation>上报逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="157"/>
        <source>Patrols of the batch opened</source>
        <translation>所选批次的巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="158"/>
        <source>Newest patrols of your area</source>
        <translation>本辖区最近的巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="196"/>
        <source>Not escalated</source>
        <translation>未上报</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="197"/>
        <source>Escalated, due %1</source>
        <translation>已上报，须于 %1 前处理</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="198"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="206"/>
        <source>No patrol to show.</source>
        <translation>没有可显示的巡河。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="212"/>
        <source>From %1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="214"/>
        <source>Duration %1, distance %2</source>
        <translation>时长 %1，距离 %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="216"/>
        <source>Meets the patrol rules</source>
        <translation>达到巡河最低要求</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="217"/>
        <source>Below the patrol minimums</source>
        <translation>未达到巡河最低要求</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="218"/>
        <source>%1 problems, %2 escalated, %3 overdue</source>
        <translation>问题 %1 个，上报 %2 个，逾期 %3 个</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/patrols.py" line="283"/>
        <source>Already handled by %1 on %2.</source>
        <translation>已由 %1 于 %2 处理。</translation>
    </message>
</context>
<context>
    <name>PositionPlot</name>
    <message>
        <location filename="../../fieldapp/ui/review/position_plot.py" line="64"/>
        <source>Outfall</source>
        <translation>排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/position_plot.py" line="69"/>
        <source>The outfall has no registered position</source>
        <translation>该排污口没有登记位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/position_plot.py" line="81"/>
        <source>Recorded here</source>
        <translation>记录位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/position_plot.py" line="84"/>
        <source>Distance: %1</source>
        <translation>距离：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/position_plot.py" line="95"/>
        <source>N</source>
        <comment>north, on the plot&apos;s compass</comment>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/position_plot.py" line="86"/>
        <source>No position to compare</source>
        <translation>无可比较的位置</translation>
    </message>
</context>
<context>
    <name>ProposalsPane</name>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="106"/>
        <location filename="../../fieldapp/ui/review/proposals.py" line="217"/>
        <source>Awaiting a decision</source>
        <translation>待决定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="107"/>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="124"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="124"/>
        <source>In the ledger now</source>
        <translation>台账现值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="124"/>
        <source>Proposed</source>
        <translation>建议值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="135"/>
        <source>in the ledger</source>
        <translation>台账位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="135"/>
        <source>proposed</source>
        <translation>建议位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="135"/>
        <source>registered nearby</source>
        <translation>附近已登记排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="150"/>
        <source>Reason (needed to reject)</source>
        <translation>理由（驳回时必填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="154"/>
        <source>Accept into the ledger</source>
        <translation>接受并写入台账</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="155"/>
        <source>Merge into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="156"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="209"/>
        <source>New outfall</source>
        <translation>新排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="210"/>
        <source>Correction</source>
        <translation>信息更正</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="211"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="212"/>
        <source>Removal</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="218"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="219"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="220"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="262"/>
        <source>No proposal to decide.</source>
        <translation>没有待决定的建议。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="269"/>
        <source>Proposed by %1 on %2</source>
        <translation>%1 于 %2 提出</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="275"/>
        <source>%1 by %2 on %3</source>
        <translation>%2 于 %3 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="282"/>
        <source>⚠ The ledger row changed since this was proposed: it can only be rejected, or proposed again.</source>
        <translation>⚠ 提出建议后台账已被修改：只能驳回，或重新提出建议。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/proposals.py" line="375"/>
        <source>Already decided (%1) by %2 on %3: nothing was changed.</source>
        <translation>该建议已由 %2 于 %3 决定（%1），本次未作任何更改。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../fieldapp/ui/review/dialogs.py" line="75"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/dialogs.py" line="76"/>
        <source>Correct by</source>
        <translation>整改期限</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="91"/>
        <source>Checklist</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="92"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="93"/>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="141"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="94"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="95"/>
        <source>Revision</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="96"/>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="97"/>
        <source>Return for correction…</source>
        <translation>退回整改…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="98"/>
        <source>Escalate…</source>
        <translation>移交执法…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="99"/>
        <source>Accept new outfall…</source>
        <translation>纳入新排污口…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="100"/>
        <source>Merge with existing…</source>
        <translation>与已有排污口合并…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="124"/>
        <source>Discharge</source>
        <translation>排放情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="125"/>
        <source>Discharging now</source>
        <translation>是否正在排放</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="126"/>
        <source>Flow</source>
        <translation>流量</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="127"/>
        <source>Sign (标志牌)</source>
        <translation>标志牌</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="128"/>
        <source>Sampling point / inspection well</source>
        <translation>监测采样点 / 检查井</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="129"/>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="130"/>
        <source>Acceptance checklist (验收)</source>
        <translation>验收清单</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="131"/>
        <source>Re-tests (复测)</source>
        <translation>复测</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="132"/>
        <source>over the limit</source>
        <translation>超标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="133"/>
        <source>limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="134"/>
        <source>lab report</source>
        <translation>实验室检测报告</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="135"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="136"/>
        <source>Remediation as claimed</source>
        <translation>整治落实情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="137"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="138"/>
        <source>Inspectors present</source>
        <translation>在场检查人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="140"/>
        <source>Kind of inspection</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="142"/>
        <source>Quick tests</source>
        <translation>快速检测</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="143"/>
        <source>Why no position was captured</source>
        <translation>未采集位置的原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="144"/>
        <source>Remediation note</source>
        <translation>整治情况说明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="145"/>
        <source>method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="146"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="147"/>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="148"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="149"/>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="167"/>
        <source>Choose a batch, then a record.</source>
        <translation>请先选择批次，再选择记录。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="183"/>
        <source>Inspector: %1 · completed %2 · version %3 · %4</source>
        <translation>检查人员：%1 · 完成于 %2 · 第 %3 版 · %4</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="194"/>
        <source>No flags</source>
        <translation>无提示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="197"/>
        <source>%1 photo(s) have not arrived on the server yet.</source>
        <translation>有 %1 张照片尚未上传到服务器。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="212"/>
        <source>&lt;i&gt;Loading history…&lt;/i&gt;</source>
        <translation>&lt;i&gt;正在加载历史…&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="224"/>
        <source>Decisions on this record</source>
        <translation>本记录的审核意见</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="225"/>
        <source>Outfall history</source>
        <translation>排污口历史</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="226"/>
        <source>Earlier inspections of this outfall</source>
        <translation>该排污口的历次检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="227"/>
        <source>Original (returned)</source>
        <translation>原记录（已退回）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="228"/>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="229"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="230"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/record_panel.py" line="231"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>ReturnedCard</name>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="35"/>
        <source>Returned by %1 on %2: %3</source>
        <translation>%1 于 %2 退回：%3</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="41"/>
        <source>Correct by %1</source>
        <translation>请于 %1 前完成整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="42"/>
        <source>No deadline</source>
        <translation>无整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="45"/>
        <source>Not revised yet</source>
        <translation>尚未修订</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="46"/>
        <source>Revise as a new version</source>
        <translation>修订为新版本</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="48"/>
        <source>Revised and resubmitted; the original stays as it was</source>
        <translation>已修订并重新提交；原记录保持不变</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="49"/>
        <source>Open the revision</source>
        <translation>打开修订版</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="51"/>
        <source>Revision in progress (draft)</source>
        <translation>修订中（草稿）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="52"/>
        <source>Continue the revision</source>
        <translation>继续修订</translation>
    </message>
</context>
<context>
    <name>ReturnedRecordsView</name>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="69"/>
        <source>Returned records</source>
        <translation>退回的记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="90"/>
        <source>%1 record(s) returned for correction</source>
        <translation>%1 条记录被退回整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/returned.py" line="91"/>
        <source>No record has been returned</source>
        <translation>没有被退回的记录</translation>
    </message>
</context>
<context>
    <name>ReviewDesk</name>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="79"/>
        <source>Review desk</source>
        <translation>审核台</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="87"/>
        <source>All counties</source>
        <translation>全部县区</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="92"/>
        <source>Any flag</source>
        <translation>全部提示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="96"/>
        <source>Any review state</source>
        <translation>全部审核状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="102"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="107"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="108"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="109"/>
        <source>Flag</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="109"/>
        <source>Review</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="110"/>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="135"/>
        <source>Approve unflagged</source>
        <translation>批量通过无提示的记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="136"/>
        <source>Approve every record of this batch without a flag</source>
        <translation>通过本批次中所有没有提示的记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="145"/>
        <source>Outfall history…</source>
        <translation>排污口案卷…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="148"/>
        <source>Inspections, decisions, steps and proposals of this record&apos;s outfall</source>
        <translation>该记录所属排污口的检查、审核决定、步骤和台账修改建议</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="183"/>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="184"/>
        <source>Proposals</source>
        <translation>台账修改建议</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="185"/>
        <source>Ledger proposals: new outfalls, corrections, merges</source>
        <translation>台账修改建议：新发现排污口、更正、合并</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="186"/>
        <source>Patrols</source>
        <translation>巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="219"/>
        <source>Loading batches…</source>
        <translation>正在加载批次…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="233"/>
        <source>All inspectors</source>
        <translation>全部检查人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="238"/>
        <source>%1 batches</source>
        <translation>%1 个批次</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="262"/>
        <source>Opening the batch…</source>
        <translation>正在打开批次…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="295"/>
        <source>%1 records</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="429"/>
        <source>Sending the decision…</source>
        <translation>正在提交审核意见…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="448"/>
        <source>Return for correction</source>
        <translation>退回整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="449"/>
        <source>The record goes back to the inspector&apos;s laptop with your reason; they revise it as a new version.</source>
        <translation>记录将连同退回理由发回检查人员的电脑，由其修订为新版本。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="458"/>
        <source>Escalate for enforcement</source>
        <translation>移交执法</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="459"/>
        <source>The record is locked and passed on for enforcement.</source>
        <translation>记录将被锁定并移交执法。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="465"/>
        <source>Approve without every photo</source>
        <translation>照片不全时通过</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="466"/>
        <source>Some photos have not arrived. Approve anyway only with a reason; it is kept with the decision.</source>
        <translation>部分照片尚未到达。只有填写理由才能通过，理由将随审核意见保存。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="506"/>
        <source>Approved %1, left for one-by-one review %2</source>
        <translation>已通过 %1 条，留待逐条审核 %2 条</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/desk.py" line="514"/>
        <source>Decision saved: %1</source>
        <translation>审核意见已保存：%1</translation>
    </message>
</context>
<context>
    <name>ReviewTexts</name>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="14"/>
        <source>Recorded far from the outfall</source>
        <translation>记录位置远离排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="17"/>
        <source>Photo time or place inconsistent</source>
        <translation>照片时间或地点不一致</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="20"/>
        <source>Poor position accuracy</source>
        <translation>定位精度差</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="21"/>
        <source>Remediation claimed but contradicted</source>
        <translation>声称已整治但现场不符</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="24"/>
        <source>Newly discovered outfall</source>
        <translation>新发现排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="25"/>
        <source>Possible duplicate of an existing outfall</source>
        <translation>可能与已有排污口重复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="33"/>
        <location filename="../../fieldapp/ui/review/texts.py" line="34"/>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="35"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="36"/>
        <source>Returned for correction</source>
        <translation>已退回整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="37"/>
        <source>Escalated for enforcement</source>
        <translation>已移交执法</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="44"/>
        <source>This record changed since you opened it. It has been reloaded: look again and decide.</source>
        <translation>您打开此记录后它已被修改。已重新加载，请重新查看后再作决定。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="48"/>
        <source>Some photos of this record have not arrived. Approve only with a reason.</source>
        <translation>此记录有照片尚未到达。只有填写理由才能通过。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="52"/>
        <source>Flagged records are decided one by one.</source>
        <translation>有提示的记录须逐条审核。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="55"/>
        <source>This record is not in your area (or no longer exists).</source>
        <translation>此记录不在您的辖区内（或已不存在）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="58"/>
        <source>Only supervisors can decide.</source>
        <translation>只有监管人员可以审核。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="61"/>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>无法连接服务器。请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="64"/>
        <source>This outfall is already in the ledger.</source>
        <translation>此排污口已在台账中。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="67"/>
        <source>Another outfall already has this code.</source>
        <translation>已有其他排污口使用此编码。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="70"/>
        <source>This national code breaks the code rule: only digits and capital letters, of the right length, starting with the division code of the outfall&apos;s county.</source>
        <translation>国家编码不符合编码规则：只能由数字和大写字母组成，位数符合要求，并以排污口所属县（市、区）的行政区划代码开头。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="75"/>
        <source>The ledger row changed since this was proposed: reject it, or have it proposed again.</source>
        <translation>提出建议后台账已被修改：请驳回，或请其根据当前台账重新提出。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="79"/>
        <source>Only a proposed new outfall can be merged into a registered one.</source>
        <translation>只有新发现排污口的建议可以合并到已登记排污口。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/review/texts.py" line="82"/>
        <source>This problem was not escalated: there is nothing to handle here.</source>
        <translation>该问题未上报，无需在此处理。</translation>
    </message>
</context>
</TS>
