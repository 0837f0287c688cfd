<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PatrolWindow</name>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="139"/>
        <location filename="../../fieldapp/ui/patrol/window.py" line="552"/>
        <source>River patrol</source>
        <translation>巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="211"/>
        <source>River or stretch</source>
        <translation>河道或河段</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="212"/>
        <source>Start patrol</source>
        <translation>开始巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="213"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="214"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="215"/>
        <source>Finish</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="216"/>
        <source>Mark a problem</source>
        <translation>标记问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="217"/>
        <source>Export GPX…</source>
        <translation>导出 GPX…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="249"/>
        <source>Inspect this outfall</source>
        <translation>检查此排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="251"/>
        <source>Start an inspection of the outfall where the selected problem was seen</source>
        <translation>对发现所选问题的排污口开始一次现场检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="269"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="737"/>
        <location filename="../../fieldapp/ui/patrol/window.py" line="758"/>
        <source>Outfalls passed</source>
        <translation>途经排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="326"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="160"/>
        <source>River patrol of %1</source>
        <translation>巡河记录（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="161"/>
        <source>A recorded patrol, as it was kept on this laptop.</source>
        <translation>已记录的巡河，按本机保存的内容显示。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="259"/>
        <location filename="../../fieldapp/ui/patrol/window.py" line="666"/>
        <source>Outfalls nearby</source>
        <translation>附近的排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="260"/>
        <source>Position source…</source>
        <translation>定位来源…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="299"/>
        <source>Follow my position</source>
        <translation>跟随我的位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="337"/>
        <location filename="../../fieldapp/ui/patrol/window.py" line="702"/>
        <source>No patrol running</source>
        <translation>当前没有巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="342"/>
        <source>Resumed the unfinished patrol started %1 (%2 points kept).</source>
        <translation>已恢复 %1 开始的未结束巡河（已保存 %2 个轨迹点）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="352"/>
        <location filename="../../fieldapp/ui/patrol/window.py" line="626"/>
        <source>No position source: choose one with “Position source…”.</source>
        <translation>尚未设置定位来源：请点击“定位来源…”选择。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="357"/>
        <source>The patrol started %1 was left open too long; it was finished at its last recorded point.</source>
        <translation>%1 开始的巡河未结束时间过长，已在最后记录的轨迹点处结束。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="390"/>
        <source>A patrol records your track: choose a position source first (the receiver&apos;s port, a network receiver or a log) with “Position source…”.</source>
        <translation>巡河要记录轨迹：请先点击“定位来源…”选择定位来源（接收机端口、网络接收机或日志文件）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="399"/>
        <source>The position source cannot be read, so the patrol cannot start: %1</source>
        <translation>无法读取定位来源，巡河不能开始：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="402"/>
        <source>Check the receiver or choose another source.</source>
        <translation>请检查接收机，或选择其他定位来源。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="435"/>
        <source>A patrol is being recorded: finish it first, then start the task&apos;s patrol.</source>
        <translation>正在记录一次巡河：请先结束它，再开始任务要求的巡河。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="443"/>
        <source>For the task: %1. Press “Start patrol” at the start of the stretch.</source>
        <translation>任务：%1。到达河段起点后请按“开始巡河”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="529"/>
        <source>Photo not added: %1</source>
        <translation>照片未添加：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="544"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="572"/>
        <source>Simulated</source>
        <translation>模拟定位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="612"/>
        <source>Receiver lost; recording resumes when it returns. %1</source>
        <translation>定位接收机已断开，恢复后将继续记录。%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="616"/>
        <source>Receiver back; recording resumed.</source>
        <translation>定位接收机已恢复，继续记录。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="629"/>
        <source>the given source</source>
        <translation>指定的来源</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="630"/>
        <source>Position source: %1</source>
        <translation>定位来源：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="676"/>
        <source>The receiver is in simulation mode: its positions are shown in grey and are not recorded. Turn simulation off on the receiver.</source>
        <translation>接收机处于模拟模式：其位置以灰色虚线显示，不会记录到轨迹中。请关闭接收机的模拟模式。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="681"/>
        <source>The position source has ended (end of the log).</source>
        <translation>定位数据源已结束（日志回放完毕）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="702"/>
        <source>Patrol finished</source>
        <translation>巡河已结束</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="705"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="707"/>
        <source>Recording</source>
        <translation>正在记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="729"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="729"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="731"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="732"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="733"/>
        <source>Points kept / recorded</source>
        <translation>有效点 / 记录点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="734"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="740"/>
        <source>Meets the minimum (%1, %2)</source>
        <translation>达到最低要求（%1、%2）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="780"/>
        <source>Patrol finished. This period: %1 of %2 required patrols</source>
        <translation>巡河已结束。本周期已完成 %1 次，要求 %2 次</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="791"/>
        <source>(%1 photos)</source>
        <translation>（%1 张照片）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="862"/>
        <source>Export the patrol as GPX</source>
        <translation>将巡河导出为 GPX</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/window.py" line="871"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ProblemDialog</name>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="38"/>
        <source>Mark a problem</source>
        <translation>标记问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="41"/>
        <source>Choose the kind of problem</source>
        <translation>选择问题类别</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="46"/>
        <source>What did you see? (colour, smell, pipe, sign…)</source>
        <translation>看到了什么？（颜色、气味、管道、标志牌…）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="47"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="49"/>
        <source>No photos</source>
        <translation>没有照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="51"/>
        <source>Not at an outfall</source>
        <translation>不在排污口处</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="53"/>
        <source>At outfall %1</source>
        <translation>在排污口 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="56"/>
        <source>What was done on the spot (if anything)</source>
        <translation>现场采取的措施（如有）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="59"/>
        <source>Escalate: it cannot be solved on the spot</source>
        <translation>上报：现场无法解决</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="69"/>
        <source>The problem is recorded at your current position.</source>
        <translation>问题记录在您当前的位置。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="87"/>
        <source>Photos of the problem</source>
        <translation>问题照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="87"/>
        <source>Photos (*.jpg *.jpeg *.heic)</source>
        <translation>照片 (*.jpg *.jpeg *.heic)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/problem_dialog.py" line="92"/>
        <source>%1 photo(s) chosen</source>
        <translation>已选 %1 张照片</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../fieldapp/ui/patrol/source_dialog.py" line="33"/>
        <source>Position source</source>
        <translation>定位来源</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/source_dialog.py" line="36"/>
        <source>Where positions come from: the GNSS receiver&apos;s port, a receiver on the network (tcp://host:port), or a recorded NMEA log for training.</source>
        <translation>位置从哪里来：GNSS 接收机的端口、网络上的接收机（tcp://主机:端口），或用于培训的 NMEA 日志文件。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/source_dialog.py" line="49"/>
        <source>Receivers on this computer…</source>
        <translation>本机上的接收机…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/source_dialog.py" line="57"/>
        <source>Receiver port (/dev/ttyUSB0, COM3), tcp://host:port or an NMEA log</source>
        <translation>接收机端口（/dev/ttyUSB0、COM3）、tcp://主机:端口 或 NMEA 日志文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/source_dialog.py" line="60"/>
        <source>Log file…</source>
        <translation>日志文件…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/source_dialog.py" line="68"/>
        <source>Use this source</source>
        <translation>使用此来源</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/source_dialog.py" line="69"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/source_dialog.py" line="90"/>
        <source>Choose a receiver, type tcp://host:port, or pick a log.</source>
        <translation>请选择接收机、输入 tcp://主机:端口，或选择日志文件。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/source_dialog.py" line="113"/>
        <source>NMEA log</source>
        <translation>NMEA 日志</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/patrol/source_dialog.py" line="113"/>
        <source>NMEA logs (*.log *.nmea *.txt);;All files (*)</source>
        <translation>NMEA 日志 (*.log *.nmea *.txt);;所有文件 (*)</translation>
    </message>
</context>
</TS>
