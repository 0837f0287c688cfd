<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LeadPanel</name>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="31"/>
        <source>Aerial-survey lead: to verify</source>
        <translation>航测线索：待核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="50"/>
        <source>A new outfall</source>
        <translation>是新排口：登记</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="53"/>
        <source>Opens the newly found outfall form at the lead; it syncs as the evidence</source>
        <translation>在线索处打开新发现排口表单；同步后作为核查证据</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="55"/>
        <source>Registered: inspect</source>
        <translation>是已登记排口：检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="58"/>
        <source>Opens an inspection of the registered outfall next to the lead</source>
        <translation>打开线索旁已登记排口的检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="60"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="66"/>
        <source>Record a verification:</source>
        <translation>记录核查结果：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="79"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="80"/>
        <source>No notes from the survey.</source>
        <translation>航测未附说明。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="83"/>
        <source>A verification task has been assigned.</source>
        <translation>已下达核查任务。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="85"/>
        <source>No task yet: verify it when you pass by.</source>
        <translation>尚无任务：路过时请顺便核查。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="89"/>
        <source>%1 m from a registered outfall: it may be that one.</source>
        <translation>距已登记排口 %1 米：可能就是该排口。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="103"/>
        <source>The survey sent no photo.</source>
        <translation>航测未附照片。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="113"/>
        <source>The photo is not on this laptop yet: sync to fetch it.</source>
        <translation>照片尚未下载到本机：同步后即可查看。</translation>
    </message>
</context>
</TS>
