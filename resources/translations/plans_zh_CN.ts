<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="94"/>
        <source>Remediation plan (一口一策): %1</source>
        <translation>一口一策整治方案：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="106"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="107"/>
        <source>Milestones</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="111"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="115"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="115"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="149"/>
        <source> 10k yuan</source>
        <translation> 万元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="152"/>
        <source>Completed on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="167"/>
        <source>Route</source>
        <translation>整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="168"/>
        <source>Measures</source>
        <translation>整治措施</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="169"/>
        <source>Responsible party</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="170"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="171"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="172"/>
        <source>Funding</source>
        <translation>资金</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="173"/>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="184"/>
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="184"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="184"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="184"/>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="185"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="185"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="197"/>
        <source>Add milestone</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="200"/>
        <source>Remove milestone</source>
        <translation>删除节点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="207"/>
        <source>Progress note for the selected milestone</source>
        <translation>所选节点的进展情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="209"/>
        <source>Evidence: photo hashes or document nos.</source>
        <translation>佐证：照片编号或文号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="210"/>
        <source>Add note</source>
        <translation>添加进展</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="238"/>
        <source>This outfall has no remediation plan yet.</source>
        <translation>该排口尚无整治方案。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="254"/>
        <source>Made by %1 on %2; last saved by %3 on %4.</source>
        <translation>%1 于 %2 制定；%3 于 %4 最后保存。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="266"/>
        <source>late: %1</source>
        <translation>逾期节点：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="302"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="305"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="364"/>
        <source>(new) %1</source>
        <translation>（新）%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="366"/>
        <source>No progress notes yet.</source>
        <translation>暂无进展记录。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="373"/>
        <source>Select a milestone first.</source>
        <translation>请先选择一个节点。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/plans/dialog.py" line="444"/>
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
</TS>
