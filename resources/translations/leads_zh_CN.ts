<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeskLeadsPane</name>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="57"/>
        <source>Undecided</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="57"/>
        <source>To verify</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="58"/>
        <source>Task made</source>
        <translation>已派核查任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="58"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="59"/>
        <source>Not an outfall</source>
        <translation>不是排口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="60"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="60"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="66"/>
        <source>Verification task…</source>
        <translation>派核查任务…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="68"/>
        <source>Decide…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="70"/>
        <source>Import a survey…</source>
        <translation>导入航测成果…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="73"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="82"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="82"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="82"/>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="213"/>
        <source>Near a ledger outfall</source>
        <translation>邻近台账排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="82"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="128"/>
        <source>to verify</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="129"/>
        <source>task made</source>
        <translation>已派任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="130"/>
        <source>confirmed: a new outfall</source>
        <translation>已确认：新排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="131"/>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="145"/>
        <source>not an outfall</source>
        <translation>非排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="132"/>
        <source>duplicate of a ledger outfall</source>
        <translation>与台账排污口重复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="138"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="139"/>
        <source>done: the inspector&apos;s record arrived</source>
        <translation>已完成：核查记录已到</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="140"/>
        <source>cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="146"/>
        <source>the same as an existing outfall</source>
        <translation>与已有排污口为同一个</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="152"/>
        <source>Leads (%1)</source>
        <translation>航测线索 (%1)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="153"/>
        <source>Leads</source>
        <translation>航测线索</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="156"/>
        <source>%1 leads to verify</source>
        <translation>%1 条线索待核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="162"/>
        <source>Loading leads…</source>
        <translation>正在加载线索…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="182"/>
        <source>%1 leads, %2 to verify</source>
        <translation>共 %1 条线索，%2 条待核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="203"/>
        <source>Choose a lead to see it.</source>
        <translation>请选择一条线索查看。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="208"/>
        <source>Survey file</source>
        <translation>航测文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="209"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="210"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="211"/>
        <source>Cluster</source>
        <translation>聚类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="211"/>
        <source>%1 leads together</source>
        <translation>%1 条线索相邻</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="212"/>
        <source>alone</source>
        <translation>单独</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="215"/>
        <source>Verification task</source>
        <translation>核查任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="219"/>
        <source>Inspector&apos;s finding</source>
        <translation>核查人员结论</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_pane.py" line="222"/>
        <source>Outcome</source>
        <translation>办结结果</translation>
    </message>
</context>
<context>
    <name>LeadDecisionDialog</name>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="148"/>
        <source>Decide a lead</source>
        <translation>办结线索</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="151"/>
        <source>Confirmed: a newly found outfall</source>
        <translation>确认：新发现排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="152"/>
        <source>Not an outfall</source>
        <translation>不是排口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="153"/>
        <source>Duplicate of a ledger outfall</source>
        <translation>与台账排污口重复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="159"/>
        <source>The outfall&apos;s id</source>
        <translation>排污口编号（ID）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="164"/>
        <source>Why (needed for “not an outfall”)</source>
        <translation>理由（“非排污口”必填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="168"/>
        <source>Outcome</source>
        <translation>办结结果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="169"/>
        <source>Outfall</source>
        <translation>排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="170"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="171"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="175"/>
        <source>Record the outcome</source>
        <translation>登记办结结果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="180"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="196"/>
        <source>newly found by the inspector</source>
        <translation>核查人员新发现</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="198"/>
        <source>named by %1</source>
        <translation>%1 指认</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="201"/>
        <source>ledger outfall %1 away</source>
        <translation>相距 %1 的台账排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="208"/>
        <source>The record that closed the task</source>
        <translation>完成任务的核查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="211"/>
        <source>%1&apos;s finding: %2</source>
        <translation>%1 的核查结论：%2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="254"/>
        <source>Choose the outfall (or paste its id from the ledger).</source>
        <translation>请选择排污口（或从台账粘贴其 ID）。</translation>
    </message>
</context>
<context>
    <name>LeadImportDialog</name>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="297"/>
        <source>Import an aerial survey&apos;s leads</source>
        <translation>导入航测线索</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="306"/>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="308"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="310"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="324"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="325"/>
        <source>Survey file</source>
        <translation>航测文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="329"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="339"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="345"/>
        <source>Choose the survey&apos;s lead file</source>
        <translation>选择航测线索文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="346"/>
        <source>Lead files (*.geojson *.json *.kml *.kmz *.csv)</source>
        <translation>线索文件 (*.geojson *.json *.kml *.kmz *.csv)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="357"/>
        <source>The file cannot be read: %1</source>
        <translation>文件无法读取：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="396"/>
        <source>%1 leads in %2 clusters, %3 near a ledger outfall; %4 features refused</source>
        <translation>%1 条线索，%2 个聚类，%3 条邻近台账排污口；%4 个要素被拒</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="403"/>
        <source>Feature %1 %2: %3</source>
        <translation>要素 %1 %2：%3</translation>
    </message>
</context>
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
        <location filename="../../fieldapp/ui/leads/panel.py" line="38"/>
        <source>Aerial-survey lead: to verify</source>
        <translation>航测线索：待核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="57"/>
        <source>A new outfall</source>
        <translation>是新排口：登记</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="60"/>
        <source>Opens the newly found outfall form at the lead; it syncs as the evidence</source>
        <translation>在线索处打开新发现排口表单；同步后作为核查证据</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="62"/>
        <source>Registered: inspect</source>
        <translation>是已登记排口：检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="65"/>
        <source>Opens an inspection of the registered outfall next to the lead</source>
        <translation>打开线索旁已登记排口的检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="67"/>
        <source>Not new: a note</source>
        <translation>不是新排口：记录说明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="70"/>
        <source>Not an outfall, or the registered one: a note with photos, sent as evidence</source>
        <translation>不是排口，或就是已登记排口：附照片的说明，同步后作为证据</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="72"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="79"/>
        <source>Record a verification:</source>
        <translation>记录核查结果：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="94"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="95"/>
        <source>No notes from the survey.</source>
        <translation>航测未附说明。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="98"/>
        <source>A verification task has been assigned.</source>
        <translation>已下达核查任务。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="100"/>
        <source>No task yet: verify it when you pass by.</source>
        <translation>尚无任务：路过时请顺便核查。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="104"/>
        <source>%1 m from a registered outfall: it may be that one.</source>
        <translation>距已登记排口 %1 米：可能就是该排口。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="120"/>
        <source>The survey sent no photo.</source>
        <translation>航测未附照片。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="123"/>
        <source>Loading the photo…</source>
        <translation>正在载入照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/panel.py" line="134"/>
        <source>The photo is not on this laptop yet: sync to fetch it.</source>
        <translation>照片尚未下载到本机：同步后即可查看。</translation>
    </message>
</context>
<context>
    <name>LeadTaskDialog</name>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="69"/>
        <source>Verification task for a lead</source>
        <translation>线索核查任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="78"/>
        <source>What to look for on the ground</source>
        <translation>现场需核实的内容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="80"/>
        <source>Also the %1 other leads of its cluster</source>
        <translation>同一聚类的其余 %1 条线索一并核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="87"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="88"/>
        <source>Inspector</source>
        <translation>核查人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="89"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="90"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="95"/>
        <source>Make the task</source>
        <translation>派发任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="100"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/leads/desk_dialogs.py" line="111"/>
        <source>The county has no inspector to verify it.</source>
        <translation>本县没有可派的核查人员。</translation>
    </message>
</context>
</TS>
