<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="110"/>
        <source>Remediation plan (一口一策): %1</source>
        <translation>一口一策整治方案：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="123"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="124"/>
        <source>Milestones</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="128"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="132"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="132"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="167"/>
        <source> 10k yuan</source>
        <translation> 万元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="170"/>
        <source>Completed on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="185"/>
        <source>Route</source>
        <translation>整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="186"/>
        <source>Measures</source>
        <translation>整治措施</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="187"/>
        <source>Responsible party</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="188"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="189"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="190"/>
        <source>Funding</source>
        <translation>资金</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="191"/>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="202"/>
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="202"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="202"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="202"/>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="203"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="203"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="215"/>
        <source>Add milestone</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="218"/>
        <source>Remove milestone</source>
        <translation>删除节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="225"/>
        <source>Progress note for the selected milestone</source>
        <translation>所选节点的进展情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="227"/>
        <source>Evidence: photo hashes or document nos.</source>
        <translation>佐证：照片编号或文号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="228"/>
        <source>Add note</source>
        <translation>添加进展</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="256"/>
        <source>This outfall has no remediation plan yet.</source>
        <translation>该排口尚无整治方案。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="275"/>
        <source>Made by %1 on %2; last saved by %3 on %4.</source>
        <translation>%1 于 %2 制定；%3 于 %4 最后保存。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="287"/>
        <source>late: %1</source>
        <translation>逾期节点：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="311"/>
        <source>Marked done by %1</source>
        <translation>由 %1 标记完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="326"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="329"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="348"/>
        <source>A milestone with progress notes cannot be removed.</source>
        <translation>有进展记录的节点不能删除。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="397"/>
        <source>(new) %1</source>
        <translation>（新）%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="399"/>
        <source>No progress notes yet.</source>
        <translation>暂无进展记录。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="406"/>
        <source>Select a milestone first.</source>
        <translation>请先选择一个节点。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="477"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>PlanMarks</name>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="19"/>
        <source>⚠ plan overdue</source>
        <translation>⚠ 方案逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="23"/>
        <source>Remediation plan (一口一策)…</source>
        <translation>一口一策整治方案…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="27"/>
        <source>The selected outfall&apos;s remediation plan: route, measures, milestones</source>
        <translation>所选排口的整治方案：整治方式、措施、节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="33"/>
        <source>Only a supervisor of the outfall&apos;s county (or of the city) edits its plan.</source>
        <translation>只有排口所在县（区）或市级的监管人员可以编辑整治方案。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="40"/>
        <source>Remediation plan (一口一策)</source>
        <translation>一口一策整治方案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="42"/>
        <source>No plan yet.</source>
        <translation>尚无方案。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="43"/>
        <location filename="../../fieldapp/ui/plans/marks.py" line="79"/>
        <source>Open the plan</source>
        <translation>打开方案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="48"/>
        <source>Route</source>
        <translation>整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="52"/>
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="56"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="60"/>
        <source>Milestones done</source>
        <translation>已完成节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/marks.py" line="70"/>
        <source>Completed on %1</source>
        <translation>已于 %1 办结</translation>
    </message>
</context>
<context>
    <name>PlansPane</name>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="74"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="77"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="80"/>
        <source>Open plan…</source>
        <translation>打开方案…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="89"/>
        <source>Outfall</source>
        <translation>排口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="89"/>
        <source>Route</source>
        <translation>整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="89"/>
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="89"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="90"/>
        <source>Milestones</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="90"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="110"/>
        <source>Loading plans…</source>
        <translation>正在加载方案…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="120"/>
        <source>completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="122"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="124"/>
        <source>on time</source>
        <translation>按期推进</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="142"/>
        <source>%1 plans, %2 overdue</source>
        <translation>共 %1 个方案，逾期 %2 个</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="173"/>
        <source>Plans (%1)</source>
        <translation>一口一策 (%1)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="174"/>
        <source>Plans</source>
        <translation>一口一策</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/desk_pane.py" line="177"/>
        <source>%1 plans overdue</source>
        <translation>%1 个整治方案逾期</translation>
    </message>
</context>
</TS>
