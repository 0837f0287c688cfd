<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeskTasksPane</name>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="46"/>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="46"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="47"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="47"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="48"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="54"/>
        <source>Cancel task…</source>
        <translation>撤销任务…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="56"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="64"/>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="171"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="64"/>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="169"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="64"/>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="170"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="64"/>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="172"/>
        <source>Assigned to</source>
        <translation>执行人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="65"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="104"/>
        <source>a complaint</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="105"/>
        <source>an aerial-survey lead</source>
        <translation>航测线索</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="106"/>
        <source>a random draw</source>
        <translation>双随机抽取</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="107"/>
        <source>the desk or the ledger</source>
        <translation>审核台或台账</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="112"/>
        <source>Tasks (%1)</source>
        <translation>任务 (%1)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="113"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="116"/>
        <source>%1 tasks overdue</source>
        <translation>%1 项任务逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="126"/>
        <source>Loading tasks…</source>
        <translation>正在读取任务…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="144"/>
        <source>%1 tasks, %2 overdue</source>
        <translation>共 %1 项任务，%2 项逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="162"/>
        <source>Choose a task to see it.</source>
        <translation>请选择一项任务查看。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="167"/>
        <source>by the record %1</source>
        <translation>（由记录 %1 完成）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="172"/>
        <source>anyone of the county</source>
        <translation>本县任何人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="173"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="174"/>
        <source>Outfalls</source>
        <translation>排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="175"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="176"/>
        <source>Assigned by</source>
        <translation>派发人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="177"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="192"/>
        <source>Cancel task</source>
        <translation>撤销任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/desk_pane.py" line="193"/>
        <source>Why is “%1” no longer needed?</source>
        <translation>为什么不再需要“%1”？</translation>
    </message>
</context>
<context>
    <name>MyTasksWindow</name>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="43"/>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="47"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="57"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="57"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="57"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="57"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="79"/>
        <source>Inspect this outfall</source>
        <translation>检查此排口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="83"/>
        <source>Start this patrol</source>
        <translation>开始此次巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="87"/>
        <source>Show in the ledger</source>
        <translation>在台账中查看</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="90"/>
        <source>Show on map</source>
        <translation>在地图上查看</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="15"/>
        <source>Inspect outfalls</source>
        <translation>排口检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="16"/>
        <source>Verify a location</source>
        <translation>位置核实</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="17"/>
        <source>Re-test</source>
        <translation>复测</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="18"/>
        <source>Patrol a stretch</source>
        <translation>河段巡查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="19"/>
        <source>Random inspection (drawn)</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="27"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="29"/>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="30"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="31"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="41"/>
        <source>Deadline: %1</source>
        <translation>期限：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="47"/>
        <source>Place: %1</source>
        <translation>地点：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="51"/>
        <source>Position: %1, %2</source>
        <translation>位置：%1，%2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="59"/>
        <source>Assigned by %1</source>
        <translation>派发人：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="137"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="148"/>
        <source>Open tasks: %1</source>
        <translation>待办任务：%1 项</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="150"/>
        <source>, overdue: %1</source>
        <translation>，其中已逾期 %1 项</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/window.py" line="166"/>
        <source>No task assigned to you.</source>
        <translation>没有分配给您的任务。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/words.py" line="67"/>
        <source>Outfall not in this ledger</source>
        <translation>本台账中没有此排口</translation>
    </message>
</context>
<context>
    <name>NewTaskDialog</name>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="68"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="74"/>
        <source>Inspect outfalls</source>
        <translation>排口检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="75"/>
        <source>Verify a location</source>
        <translation>位置核实</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="76"/>
        <source>Re-test</source>
        <translation>复测</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="77"/>
        <source>Patrol a stretch</source>
        <translation>河段巡查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="86"/>
        <source>A stretch of river or an address</source>
        <translation>河段或地址</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="102"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="103"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="104"/>
        <source>Where</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="105"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="106"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="107"/>
        <source>Assignees</source>
        <translation>执行人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="108"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="113"/>
        <source>Assign</source>
        <translation>派发</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="116"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="132"/>
        <source>inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="132"/>
        <source>river chief</source>
        <translation>河长</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="154"/>
        <source>Give the task a title.</source>
        <translation>请填写任务标题。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="157"/>
        <source>Pick at least one assignee.</source>
        <translation>请至少选择一名执行人。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="175"/>
        <source>This kind of task needs outfalls, a position or a place.</source>
        <translation>此类任务需要排口、位置或地点。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="183"/>
        <source>Assigning…</source>
        <translation>正在派发…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="201"/>
        <source>The outfalls of one task must all be in one county.</source>
        <translation>同一任务的排口须属于同一县（市、区）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="207"/>
        <source>One task may name at most %1 outfalls: select fewer.</source>
        <translation>一个任务最多包含 %1 个排口，请少选一些。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/new_task.py" line="213"/>
        <source>Sign in as a supervisor (Sync) to assign tasks.</source>
        <translation>请以监管人员身份登录（同步）后派发任务。</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../fieldapp/ui/tasks/map_panel.py" line="29"/>
        <source>Task for you</source>
        <translation>派给您的任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/map_panel.py" line="41"/>
        <source>Inspect this outfall</source>
        <translation>检查此排口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/map_panel.py" line="43"/>
        <source>Start this patrol</source>
        <translation>开始此次巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks/map_panel.py" line="45"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>
