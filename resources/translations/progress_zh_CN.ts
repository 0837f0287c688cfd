<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MembersDialog</name>
    <message>
        <location filename="../../fieldapp/ui/progress/members.py" line="71"/>
        <source>%1 — %2 outfalls. Double-click one to show it in the ledger.</source>
        <translation>%1 — 共 %2 个排污口。双击可在台账中查看。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/members.py" line="80"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/members.py" line="80"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/members.py" line="80"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/members.py" line="80"/>
        <source>Town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/members.py" line="81"/>
        <source>State today</source>
        <translation>当前状态</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="74"/>
        <source>%1: monthly progress report on outfall remediation, %2</source>
        <translation>%1排污口整治进度月报（%2）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="72"/>
        <source>Nantong</source>
        <translation>南通市</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="81"/>
        <source>Met</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="82"/>
        <source>On track</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="83"/>
        <source>Behind</source>
        <translation>进度滞后</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="84"/>
        <source>Missed</source>
        <translation>逾期未完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="85"/>
        <source>Not yet set</source>
        <translation>尚未起算</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="86"/>
        <source>No outfalls</source>
        <translation>无排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="102"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="122"/>
        <source>City total</source>
        <translation>全市合计</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="110"/>
        <source>Milestone</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="110"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="110"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="110"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="130"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="111"/>
        <source>In scope</source>
        <translation>应完成数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="111"/>
        <source>Done</source>
        <translation>已完成数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="111"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="176"/>
        <source>Done %</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="111"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="180"/>
        <source>Target line</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="112"/>
        <source>Status</source>
        <translation>进度评价</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="112"/>
        <source>Still to do</source>
        <translation>尚需完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="130"/>
        <source>Known</source>
        <translation>排污口总数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="132"/>
        <source>Remediation overdue</source>
        <translation>整治超期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="132"/>
        <source>Signs standard</source>
        <translation>标志牌规范</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="132"/>
        <source>Signs due</source>
        <translation>应设标志牌</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="133"/>
        <source>Inspected</source>
        <translation>本期已检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="133"/>
        <source>Due for inspection</source>
        <translation>本期应检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="154"/>
        <source>Milestones</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="156"/>
        <source>As of %1</source>
        <translation>统计截至 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="193"/>
        <source>Stages</source>
        <translation>各阶段数量</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="201"/>
        <source>Trend</source>
        <translation>阶段趋势</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="203"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="216"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="278"/>
        <source>Outfalls by stage, month by month</source>
        <translation>各阶段排污口数量（逐月）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="205"/>
        <source>Month end</source>
        <translation>月末</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="298"/>
        <source>Target line on the day</source>
        <translation>当日序时进度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="298"/>
        <source>Done (red: behind)</source>
        <translation>完成率（红色为滞后）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="302"/>
        <source>%1 · target %2% by %3</source>
        <translation>%1 · 目标 %2% · 时限 %3</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="325"/>
        <source>As of %1 · milestones %2 · figures from what this device holds</source>
        <translation>统计截至 %1 · 目标版本 %2 · 数据为本机所存</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="100"/>
        <source>Progress against the plan&apos;s milestones</source>
        <translation>考核进度（对照工作方案目标）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="119"/>
        <source>All counties</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="120"/>
        <source>All basins</source>
        <translation>全部流域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="126"/>
        <source>Report (Excel)…</source>
        <translation>月报（Excel）…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="129"/>
        <source>Report (PDF)…</source>
        <translation>月报（PDF）…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="133"/>
        <source>As of</source>
        <translation>统计截至</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="141"/>
        <source>Counting what this device holds…</source>
        <translation>正在统计本机数据…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="157"/>
        <source>Counts the completed inspections this device holds; the server counts all.</source>
        <translation>仅统计本机所存的已完成检查；服务器统计全部。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="163"/>
        <source>Milestone</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="163"/>
        <source>In scope</source>
        <translation>应完成数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="163"/>
        <source>Done</source>
        <translation>已完成数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="163"/>
        <source>Done %</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="164"/>
        <source>Target line</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="164"/>
        <source>Status</source>
        <translation>进度评价</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="164"/>
        <location filename="../../fieldapp/ui/progress/window.py" line="514"/>
        <source>Still to do</source>
        <translation>尚需完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="178"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="178"/>
        <source>Known</source>
        <translation>排污口总数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="182"/>
        <source>Target line on the day</source>
        <translation>当日序时进度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="182"/>
        <source>Done (red: behind)</source>
        <translation>完成率（红色为滞后）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="185"/>
        <source>Outfalls by stage, month by month</source>
        <translation>各阶段排污口数量（逐月）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="189"/>
        <source>Chart of milestone</source>
        <translation>图表目标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="317"/>
        <source>The figures could not be counted: %1</source>
        <translation>无法统计：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="345"/>
        <source>As of %1, from what this device holds: %2 outfalls known. %3</source>
        <translation>统计截至 %1，本机数据共 %2 个排污口。%3</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="350"/>
        <source> Changes came in since these were counted: counting again…</source>
        <translation>统计后数据已有变动，正在重新统计…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="364"/>
        <source>all counties</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="365"/>
        <source>both basins</source>
        <translation>两个流域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="366"/>
        <source>Showing %1.</source>
        <translation>当前显示：%1。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="369"/>
        <source>Outfalls known
%1</source>
        <translation>排污口总数
%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="371"/>
        <source>Remediation overdue
%1</source>
        <translation>整治超期
%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="378"/>
        <source>Signs standard
%1 of %2 (%3)</source>
        <translation>标志牌规范
%1 / %2（%3）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="384"/>
        <source>Inspected this period
%1 of %2 due (%3)</source>
        <translation>本期已检查
%1 / 应检查 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="392"/>
        <source>Met</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="393"/>
        <source>On track</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="394"/>
        <source>Behind</source>
        <translation>进度滞后</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="395"/>
        <source>Missed</source>
        <translation>逾期未完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="396"/>
        <source>Not yet set</source>
        <translation>尚未起算</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="397"/>
        <source>No outfalls</source>
        <translation>无排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="403"/>
        <source>%1 (by %2)</source>
        <translation>%1（%2前）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="435"/>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="458"/>
        <source>%1 · target %2%</source>
        <translation>%1 · 目标 %2%</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="522"/>
        <source>Outfalls known</source>
        <translation>排污口总数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="523"/>
        <source>Remediation overdue</source>
        <translation>整治超期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="524"/>
        <source>Signs not standard</source>
        <translation>标志牌不规范</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="525"/>
        <source>Due and not inspected this period</source>
        <translation>本期应检查未检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="553"/>
        <source>Save the monthly report</source>
        <translation>保存月报</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="563"/>
        <source>The report could not be saved: %1</source>
        <translation>月报无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="566"/>
        <source>Report saved: %1</source>
        <translation>月报已保存：%1</translation>
    </message>
</context>
</TS>
