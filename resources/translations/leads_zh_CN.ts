<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LeadNoteDialog</name>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="34"/>
        <source>Verification of an aerial-survey lead</source>
        <translation>航测线索核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="35"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="38"/>
        <source>Not an outfall</source>
        <translation>不是排口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="39"/>
        <source>The registered outfall beside it</source>
        <translation>就是旁边已登记的排口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="45"/>
        <source>What is there (e.g. an irrigation gate, no flow)</source>
        <translation>现场实际情况（如：灌溉闸门，无出水）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="46"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="48"/>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="78"/>
        <source>No photos yet</source>
        <translation>尚无照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="53"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="56"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="78"/>
        <source>%n photo(s) chosen</source>
        <translation>
            <numerusform>已选 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="83"/>
        <source>Photos of the place</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="83"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/note_dialog.py" line="92"/>
        <source>Say what is there instead of an outfall.</source>
        <translation>请说明现场实际是什么。</translation>
    </message>
</context>
<context>
    <name>LeadPanel</name>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="32"/>
        <source>Aerial-survey lead: to verify</source>
        <translation>航测线索：待核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="51"/>
        <source>A new outfall</source>
        <translation>是新排口：登记</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="54"/>
        <source>Opens the newly found outfall form at the lead; it syncs as the evidence</source>
        <translation>在线索处打开新发现排口表单；同步后作为核查证据</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="56"/>
        <source>Registered: inspect</source>
        <translation>是已登记排口：检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="59"/>
        <source>Opens an inspection of the registered outfall next to the lead</source>
        <translation>打开线索旁已登记排口的检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="61"/>
        <source>Not new: a note</source>
        <translation>不是新排口：记录说明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="64"/>
        <source>Not an outfall, or the registered one: a note with photos, sent as evidence</source>
        <translation>不是排口，或就是已登记排口：附照片的说明，同步后作为证据</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="66"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="73"/>
        <source>Record a verification:</source>
        <translation>记录核查结果：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="87"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="88"/>
        <source>No notes from the survey.</source>
        <translation>航测未附说明。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="91"/>
        <source>A verification task has been assigned.</source>
        <translation>已下达核查任务。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="93"/>
        <source>No task yet: verify it when you pass by.</source>
        <translation>尚无任务：路过时请顺便核查。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="97"/>
        <source>%1 m from a registered outfall: it may be that one.</source>
        <translation>距已登记排口 %1 米：可能就是该排口。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="111"/>
        <source>The survey sent no photo.</source>
        <translation>航测未附照片。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="121"/>
        <source>The photo is not on this laptop yet: sync to fetch it.</source>
        <translation>照片尚未下载到本机：同步后即可查看。</translation>
    </message>
</context>
</TS>
