<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PatrolWindow</name>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="110"/>
        <location filename="../../fieldapp/ui/patrol/window.py" line="376"/>
        <source>River patrol</source>
        <translation>巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="125"/>
        <source>River or stretch</source>
        <translation>河道或河段</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="126"/>
        <source>Start patrol</source>
        <translation>开始巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="127"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="128"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="129"/>
        <source>Finish</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="130"/>
        <source>Mark a problem</source>
        <translation>标记问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="131"/>
        <source>Export GPX…</source>
        <translation>导出 GPX…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="161"/>
        <source>Inspect this outfall</source>
        <translation>检查此排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="163"/>
        <source>Start an inspection of the outfall where the selected problem was seen</source>
        <translation>对发现所选问题的排污口开始一次现场检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="176"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="180"/>
        <location filename="../../fieldapp/ui/patrol/window.py" line="479"/>
        <source>Outfalls passed</source>
        <translation>途经排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="211"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="223"/>
        <location filename="../../fieldapp/ui/patrol/window.py" line="444"/>
        <source>No patrol running</source>
        <translation>当前没有巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="228"/>
        <source>Resumed the unfinished patrol started %1 (%2 points kept).</source>
        <translation>已恢复 %1 开始的未结束巡河（已保存 %2 个轨迹点）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="236"/>
        <source>The patrol started %1 was left open too long; it was finished at its last recorded point.</source>
        <translation>%1 开始的巡河未结束时间过长，已在最后记录的轨迹点处结束。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="353"/>
        <source>Photo not added: %1</source>
        <translation>照片未添加：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="368"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="418"/>
        <source>Receiver lost; recording resumes when it returns. %1</source>
        <translation>定位接收机已断开，恢复后将继续记录。%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="423"/>
        <source>Receiver back; recording resumed.</source>
        <translation>定位接收机已恢复，继续记录。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="427"/>
        <source>The position source has ended (end of the log).</source>
        <translation>定位数据源已结束（日志回放完毕）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="444"/>
        <source>Patrol finished</source>
        <translation>巡河已结束</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="447"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="449"/>
        <source>Recording</source>
        <translation>正在记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="471"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="471"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="473"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="474"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="475"/>
        <source>Points kept / recorded</source>
        <translation>有效点 / 记录点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="476"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="482"/>
        <source>Meets the minimum (%1, %2)</source>
        <translation>达到最低要求（%1、%2）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="522"/>
        <source>Patrol finished. This period: %1 of %2 required patrols</source>
        <translation>巡河已结束。本周期已完成 %1 次，要求 %2 次</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="533"/>
        <source>(%1 photos)</source>
        <translation>（%1 张照片）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="602"/>
        <source>Export the patrol as GPX</source>
        <translation>将巡河导出为 GPX</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="611"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ProblemDialog</name>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="28"/>
        <source>Mark a problem</source>
        <translation>标记问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="31"/>
        <source>What did you see? (colour, smell, pipe, sign…)</source>
        <translation>看到了什么？（颜色、气味、管道、标志牌…）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="32"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="34"/>
        <source>No photos</source>
        <translation>没有照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="36"/>
        <source>Not at an outfall</source>
        <translation>不在排污口处</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="38"/>
        <source>At outfall %1</source>
        <translation>在排污口 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="46"/>
        <source>The problem is recorded at your current position.</source>
        <translation>问题记录在您当前的位置。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="56"/>
        <source>Photos of the problem</source>
        <translation>问题照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="56"/>
        <source>Photos (*.jpg *.jpeg *.heic)</source>
        <translation>照片 (*.jpg *.jpeg *.heic)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="61"/>
        <source>%1 photo(s) chosen</source>
        <translation>已选 %1 张照片</translation>
    </message>
</context>
</TS>
