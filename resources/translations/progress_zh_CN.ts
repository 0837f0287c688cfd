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
        <location filename="../../fieldapp/ui/progress/report.py" line="73"/>
        <source>%1: monthly progress report on outfall remediation, %2</source>
        <translation>%1排污口整治进度月报（%2）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="71"/>
        <source>Nantong</source>
        <translation>南通市</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="80"/>
        <source>Met</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="81"/>
        <source>On track</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="82"/>
        <source>Behind</source>
        <translation>进度滞后</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="83"/>
        <source>Missed</source>
        <translation>逾期未完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="84"/>
        <source>Not yet set</source>
        <translation>尚未起算</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="85"/>
        <source>No outfalls</source>
        <translation>无排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="101"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="121"/>
        <source>City total</source>
        <translation>全市合计</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="109"/>
        <source>Milestone</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="109"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="109"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="109"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="129"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="110"/>
        <source>In scope</source>
        <translation>应完成数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="110"/>
        <source>Done</source>
        <translation>已完成数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="110"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="175"/>
        <source>Done %</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="110"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="179"/>
        <source>Target line</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="111"/>
        <source>Status</source>
        <translation>进度评价</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="111"/>
        <source>Still to do</source>
        <translation>尚需完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="129"/>
        <source>Known</source>
        <translation>排污口总数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="131"/>
        <source>Remediation overdue</source>
        <translation>整治超期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="131"/>
        <source>Signs standard</source>
        <translation>标志牌规范</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="131"/>
        <source>Signs due</source>
        <translation>应设标志牌</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="132"/>
        <source>Inspected</source>
        <translation>本期已检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="132"/>
        <source>Due for inspection</source>
        <translation>本期应检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="153"/>
        <source>Milestones</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="155"/>
        <source>As of %1</source>
        <translation>统计截至 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="192"/>
        <source>Stages</source>
        <translation>各阶段数量</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="200"/>
        <source>Trend</source>
        <translation>阶段趋势</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="202"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="215"/>
        <location filename="../../fieldapp/ui/progress/report.py" line="277"/>
        <source>Outfalls by stage, month by month</source>
        <translation>各阶段排污口数量（逐月）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="204"/>
        <source>Month end</source>
        <translation>月末</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="297"/>
        <source>Target line on the day</source>
        <translation>当日序时进度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="297"/>
        <source>Done (red: behind)</source>
        <translation>完成率（红色为滞后）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="301"/>
        <source>%1 · target %2% by %3</source>
        <translation>%1 · 目标 %2% · 时限 %3</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/report.py" line="324"/>
        <source>As of %1 · milestones %2 · figures from what this device holds</source>
        <translation>统计截至 %1 · 目标版本 %2 · 数据为本机所存</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="97"/>
        <source>Progress against the plan&apos;s milestones</source>
        <translation>考核进度（对照工作方案目标）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="116"/>
        <source>All counties</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="117"/>
        <source>All basins</source>
        <translation>全部流域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="123"/>
        <source>Monthly report (Excel)…</source>
        <translation>月报（Excel）…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="126"/>
        <source>Monthly report (PDF)…</source>
        <translation>月报（PDF）…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="130"/>
        <source>As of</source>
        <translation>统计截至</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="138"/>
        <source>Counting what this device holds…</source>
        <translation>正在统计本机数据…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="154"/>
        <source>Counts the completed inspections this device holds; the server counts all.</source>
        <translation>仅统计本机所存的已完成检查；服务器统计全部。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="160"/>
        <source>Milestone</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="160"/>
        <source>In scope</source>
        <translation>应完成数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="160"/>
        <source>Done</source>
        <translation>已完成数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="160"/>
        <source>Done %</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="161"/>
        <source>Target line</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="161"/>
        <source>Status</source>
        <translation>进度评价</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="161"/>
        <location filename="../../fieldapp/ui/progress/window.py" line="496"/>
        <source>Still to do</source>
        <translation>尚需完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="175"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="175"/>
        <source>Known</source>
        <translation>排污口总数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="179"/>
        <source>Target line on the day</source>
        <translation>当日序时进度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="179"/>
        <source>Done (red: behind)</source>
        <translation>完成率（红色为滞后）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="182"/>
        <source>Outfalls by stage, month by month</source>
        <translation>各阶段排污口数量（逐月）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="186"/>
        <source>Chart of milestone</source>
        <translation>图表目标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="299"/>
        <source>The figures could not be counted: %1</source>
        <translation>无法统计：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="327"/>
        <source>As of %1, from what this device holds: %2 outfalls known. %3</source>
        <translation>统计截至 %1，本机数据共 %2 个排污口。%3</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="332"/>
        <source> Changes came in since these were counted: counting again…</source>
        <translation>统计后数据已有变动，正在重新统计…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="346"/>
        <source>all counties</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="347"/>
        <source>both basins</source>
        <translation>两个流域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="348"/>
        <source>Showing %1.</source>
        <translation>当前显示：%1。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="351"/>
        <source>Outfalls known
%1</source>
        <translation>排污口总数
%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="353"/>
        <source>Remediation overdue
%1</source>
        <translation>整治超期
%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="360"/>
        <source>Signs standard
%1 of %2 (%3)</source>
        <translation>标志牌规范
%1 / %2（%3）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="366"/>
        <source>Inspected this period
%1 of %2 due (%3)</source>
        <translation>本期已检查
%1 / 应检查 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="374"/>
        <source>Met</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="375"/>
        <source>On track</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="376"/>
        <source>Behind</source>
        <translation>进度滞后</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="377"/>
        <source>Missed</source>
        <translation>逾期未完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="378"/>
        <source>Not yet set</source>
        <translation>尚未起算</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="379"/>
        <source>No outfalls</source>
        <translation>无排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="385"/>
        <source>%1 (by %2)</source>
        <translation>%1（%2前）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="417"/>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="440"/>
        <source>%1 · target %2%</source>
        <translation>%1 · 目标 %2%</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="504"/>
        <source>Outfalls known</source>
        <translation>排污口总数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="505"/>
        <source>Remediation overdue</source>
        <translation>整治超期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="506"/>
        <source>Signs not standard</source>
        <translation>标志牌不规范</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="507"/>
        <source>Due and not inspected this period</source>
        <translation>本期应检查未检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="535"/>
        <source>Save the monthly report</source>
        <translation>保存月报</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="545"/>
        <source>The report could not be saved: %1</source>
        <translation>月报无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/progress/window.py" line="548"/>
        <source>Report saved: %1</source>
        <translation>月报已保存：%1</translation>
    </message>
</context>
</TS>
